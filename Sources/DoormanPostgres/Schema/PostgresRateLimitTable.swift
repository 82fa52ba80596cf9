extension PostgresMigrations {
    /// Migration 4: the counters behind `RateLimitStore`, one row per key, as SQLite's migration 4.
    ///
    /// Keys are `RateLimitKey` values: a prefix and a SHA-256, never a secret or a clear username. The table has
    /// no index on `window_end`, because the purge that would use it runs rarely while every counted hit would
    /// pay to keep the index current. Times are Unix seconds.
    static let rateLimitTable = """
        CREATE TABLE rate_limits (
            key text PRIMARY KEY,
            hits bigint NOT NULL CHECK (hits >= 0),
            window_start bigint NOT NULL,
            window_end bigint NOT NULL,
            last_hit_at bigint NOT NULL
        );
        """
}
