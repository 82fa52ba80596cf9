/// A person who signs in to the hub and to web apps, as served by `GET /v5/me`.
public struct User: Sendable, Hashable {
    /// `id`: the identifier, `user_…`.
    public var id: String
    /// `username`: the unique handle, always present on the wire.
    public var username: String
    /// `name`: the display name, `null` on the wire when nil.
    public var name: String?
    /// `email`: the email address, `null` on the wire when nil.
    public var email: String?
    /// `profile_pic_url`: an absolute URL of the profile picture, `null` on the wire when nil.
    public var profilePictureURL: String?
    /// The Argon2id hash of the password in PHC string format. Never sent on the wire.
    public var passwordHash: String

    /// Creates a user.
    public init(
        id: String, username: String, name: String? = nil, email: String? = nil, profilePictureURL: String? = nil,
        passwordHash: String
    ) {
        self.id = id
        self.username = username
        self.name = name
        self.email = email
        self.profilePictureURL = profilePictureURL
        self.passwordHash = passwordHash
    }
}
