/// A browser's session with the hub: who is signed in and the token that the session's forms must carry.
///
/// The cookie contains a random session id, and the store keeps only `TokenHash.of(id)`, so a leaked database
/// cannot be replayed as cookies. A new session id is issued at sign-in, so an id planted before sign-in
/// is worthless afterwards.
public struct BrowserSession: Sendable, Hashable {
    /// `TokenHash.of(id)` of the random id in the cookie.
    public var idHash: String
    /// The signed-in user, or nil for a visitor who has not signed in.
    public var userID: String?
    /// The anti-CSRF token embedded in every form of this session and compared on every POST.
    public var csrfToken: String
    /// Creation time in Unix seconds.
    public var createdAt: Int64
    /// Expiry time in Unix seconds; the session is invalid from this instant on.
    public var expiresAt: Int64

    /// Creates a session record.
    public init(idHash: String, userID: String?, csrfToken: String, createdAt: Int64, expiresAt: Int64) {
        self.idHash = idHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// Returns whether the session can still be used at `now`, in Unix seconds.
    public func isActive(at now: Int64) -> Bool {
        now < expiresAt
    }
}
