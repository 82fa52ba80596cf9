/// The stored record of an access token. The token itself is sent to the client once and never stored.
public struct AccessToken: Sendable, Hashable {
    /// `TokenHash.of(token)`, the lookup key.
    public var tokenHash: String
    /// The `client_id` the token was issued to.
    public var clientID: String
    /// The `user_…` identifier of the user the token acts for.
    public var userID: String
    /// The scope granted.
    public var scope: Scope
    /// The `codeHash` of the authorization code that started the grant. Refreshing keeps it, so revoking a
    /// grant reaches every token descended from one code.
    public var grantID: String
    /// Issue time in Unix seconds.
    public var createdAt: Int64
    /// Expiry time in Unix seconds. The token is invalid from this instant on.
    public var expiresAt: Int64
    /// Revocation time in Unix seconds, or nil while not revoked.
    public var revokedAt: Int64?

    /// Creates an access token record.
    public init(
        tokenHash: String, clientID: String, userID: String, scope: Scope, grantID: String, createdAt: Int64,
        expiresAt: Int64, revokedAt: Int64? = nil
    ) {
        self.tokenHash = tokenHash
        self.clientID = clientID
        self.userID = userID
        self.scope = scope
        self.grantID = grantID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Returns whether the token is neither revoked nor expired at `now`, in Unix seconds.
    public func isActive(at now: Int64) -> Bool {
        revokedAt == nil && now < expiresAt
    }

    /// Returns the seconds the token has left at `now`, or 0 once it has expired: the `expires_in` value.
    public func secondsRemaining(at now: Int64) -> Int64 {
        max(0, expiresAt - now)
    }
}

/// The stored record of a refresh token. The token itself is sent to the client once and never stored.
///
/// Refresh tokens rotate: each use revokes the presented token and issues a successor in the same grant, the
/// token's family. Presenting a rotated token again within the grace window returns the same successor, which
/// `sealedSuccessor` keeps encrypted. Presenting it later, or presenting a revoked token, is a replay, after which
/// the family is revoked (RFC 9700 section 4.14.2).
public struct RefreshToken: Sendable, Hashable {
    /// `TokenHash.of(token)`, the lookup key.
    public var tokenHash: String
    /// The `client_id` the token was issued to. Only that client may use it (RFC 6749 section 10.4).
    public var clientID: String
    /// The `user_…` identifier of the user the token acts for.
    public var userID: String
    /// The scope of the grant, the widest scope a refresh may request.
    public var scope: Scope
    /// The `codeHash` of the authorization code that started the grant.
    public var grantID: String
    /// Issue time in Unix seconds.
    public var createdAt: Int64
    /// Expiry time in Unix seconds. The token is invalid from this instant on.
    public var expiresAt: Int64
    /// Revocation or rotation time in Unix seconds, or nil while the token is usable.
    public var revokedAt: Int64?
    /// Rotation time in Unix seconds, or nil when the token was never rotated. Rotation sets `revokedAt` too.
    public var rotatedAt: Int64?
    /// The successor issued at rotation, sealed by `RefreshSuccessor.seal` under a key derived from this token's
    /// value, or nil when the token was never rotated or its family was revoked since.
    public var sealedSuccessor: [UInt8]?

    /// Creates a refresh token record.
    public init(
        tokenHash: String, clientID: String, userID: String, scope: Scope, grantID: String, createdAt: Int64,
        expiresAt: Int64, revokedAt: Int64? = nil, rotatedAt: Int64? = nil, sealedSuccessor: [UInt8]? = nil
    ) {
        self.tokenHash = tokenHash
        self.clientID = clientID
        self.userID = userID
        self.scope = scope
        self.grantID = grantID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.rotatedAt = rotatedAt
        self.sealedSuccessor = sealedSuccessor
    }

    /// Returns whether the token is neither revoked nor expired at `now`, in Unix seconds.
    public func isActive(at now: Int64) -> Bool {
        revokedAt == nil && now < expiresAt
    }
}
