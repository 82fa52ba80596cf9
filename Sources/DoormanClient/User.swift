import Foundation

/// The signed-in user, as `GET /v5/me` returns it.
public struct User: Sendable, Hashable, Decodable {
    /// `id`: the identifier, `user_…`.
    public var id: String
    /// `username`: the unique handle.
    public var username: String
    /// `name`: the display name, or nil.
    public var name: String?
    /// `email`: the email address, or nil when the provider withholds it.
    public var email: String?
    /// `profile_pic_url`: the profile picture, or nil when absent or not a parseable URL.
    public var profilePictureURL: URL?

    /// Creates a user from its parts.
    public init(id: String, username: String, name: String? = nil, email: String? = nil, profilePictureURL: URL? = nil)
    {
        self.id = id
        self.username = username
        self.name = name
        self.email = email
        self.profilePictureURL = profilePictureURL
    }

    private enum CodingKeys: String, CodingKey {
        case id, username, name, email
        case profilePictureURL = "profile_pic_url"
    }

    /// Decodes the `/v5/me` body, ignoring keys it does not know.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        username = try container.decode(String.self, forKey: .username)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        profilePictureURL = try container.decodeLenientURL(forKey: .profilePictureURL)
    }
}
