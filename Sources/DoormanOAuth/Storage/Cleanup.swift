/// How long records that stopped working are kept, and how many rows one write transaction deletes.
public struct CleanupPolicy: Sendable, Hashable {
    /// Seconds a code or token is kept after it expired or was revoked, at least 0. Default 86400, one day, so
    /// that an operator can still look a recent failure up.
    public var retentionSeconds: Int64
    /// Rows deleted per write transaction, at least 1, so requests do not queue behind the cleanup for long.
    /// NOTE: the default of 500 is an estimate, not measured against request latency.
    public var batchSize: Int

    /// The defaults: one day of retention, batches of 500 rows.
    public static let standard = CleanupPolicy(retentionSeconds: 86_400, batchSize: 500)

    /// Creates a policy. A negative retention or a batch size below 1 is a programmer mistake.
    public init(retentionSeconds: Int64, batchSize: Int) {
        precondition(retentionSeconds >= 0, "cleanup retention must not be negative, got \(retentionSeconds)")
        precondition(batchSize >= 1, "cleanup batch size must be at least 1, got \(batchSize)")
        self.retentionSeconds = retentionSeconds
        self.batchSize = batchSize
    }
}

/// The numbers of records that one cleanup pass deleted, by kind.
public struct CleanupCounts: Sendable, Hashable {
    /// Authorization codes deleted.
    public var authorizationCodes = 0
    /// Access tokens deleted.
    public var accessTokens = 0
    /// Refresh tokens deleted, counting every token of each deleted family.
    public var refreshTokens = 0
    /// Browser sessions deleted.
    public var sessions = 0

    /// Creates counts, zero unless given.
    public init(authorizationCodes: Int = 0, accessTokens: Int = 0, refreshTokens: Int = 0, sessions: Int = 0) {
        self.authorizationCodes = authorizationCodes
        self.accessTokens = accessTokens
        self.refreshTokens = refreshTokens
        self.sessions = sessions
    }

    /// The counts as `(table, count)` pairs in a fixed order, named after the SQL tables.
    public var entries: [(name: String, count: Int)] {
        [
            ("authorization_codes", authorizationCodes), ("access_tokens", accessTokens),
            ("refresh_tokens", refreshTokens), ("sessions", sessions),
        ]
    }
}
