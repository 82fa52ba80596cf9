extension SQLiteMigrations {
    /// Migration 4: the counters behind `RateLimitStore`, one row per key.
    ///
    /// Keys are `RateLimitKey` values: a prefix and a SHA-256, never a secret or a clear username. The table has
    /// no index on `window_end`, because the purge that would use it runs rarely while every counted hit would
    /// pay to keep the index current. Times are INTEGER Unix seconds.
    static let rateLimitTable = """
        CREATE TABLE rate_limits (
            key TEXT PRIMARY KEY,
            hits INTEGER NOT NULL CHECK (hits >= 0),
            window_start INTEGER NOT NULL,
            window_end INTEGER NOT NULL,
            last_hit_at INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        """
}
