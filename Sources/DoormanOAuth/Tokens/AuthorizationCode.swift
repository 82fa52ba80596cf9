/// The stored record of an authorization code. The code itself is sent to the client once and never stored.
public struct AuthorizationCode: Sendable, Hashable {
    /// `TokenHash.of(code)`, the lookup key. It also serves as the grant identifier of the tokens issued
    /// from this code, so that a replayed code can revoke them.
    public var codeHash: String
    /// The `client_id` the code was issued to.
    public var clientID: String
    /// The `user_…` identifier of the user who authorized.
    public var userID: String
    /// The `redirect_uri` exactly as the authorization request sent it, or nil when the request sent none
    /// (a single registered URI was used, or the code comes from a launch from the hub).
    public var redirectURI: String?
    /// The scope granted.
    public var scope: Scope
    /// The PKCE `code_challenge`, or nil when the authorization request sent none.
    public var codeChallenge: String?
    /// The PKCE method of `codeChallenge`, or nil when there is no challenge.
    public var codeChallengeMethod: PKCE.Method?
    /// Issue time in Unix seconds.
    public var createdAt: Int64
    /// Expiry time in Unix seconds. The code is invalid from this instant on.
    public var expiresAt: Int64
    /// Redemption time in Unix seconds, or nil while the code is unused. A code works once.
    public var consumedAt: Int64?

    /// Creates a code record.
    public init(
        codeHash: String, clientID: String, userID: String, redirectURI: String?, scope: Scope,
        codeChallenge: String? = nil, codeChallengeMethod: PKCE.Method? = nil, createdAt: Int64, expiresAt: Int64,
        consumedAt: Int64? = nil
    ) {
        self.codeHash = codeHash
        self.clientID = clientID
        self.userID = userID
        self.redirectURI = redirectURI
        self.scope = scope
        self.codeChallenge = codeChallenge
        self.codeChallengeMethod = codeChallengeMethod
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.consumedAt = consumedAt
    }

    /// Whether the code was already redeemed. Presenting it again is a replay, after which the tokens
    /// issued from it should be revoked (RFC 6749 section 10.5).
    public var isConsumed: Bool {
        consumedAt != nil
    }

    /// Returns whether the code has expired at `now`, in Unix seconds.
    public func isExpired(at now: Int64) -> Bool {
        now >= expiresAt
    }
}
