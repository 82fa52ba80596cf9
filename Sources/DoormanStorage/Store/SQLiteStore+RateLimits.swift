import DoormanOAuth

extension SQLiteStore {
    private enum SQL {
        // One statement per hit. SQLite evaluates every SET expression on the row as it was before the UPDATE,
        // so the three CASEs all test the old window_end. A hit at or after it opens a new window.
        static let addHits = """
            INSERT INTO rate_limits (key, hits, window_start, window_end, last_hit_at) VALUES (?1, ?2, ?3, ?3 + ?4, ?3)
            ON CONFLICT (key) DO UPDATE SET
                hits = CASE WHEN window_end > excluded.last_hit_at THEN hits + excluded.hits ELSE excluded.hits END,
                window_start = CASE WHEN window_end > excluded.last_hit_at
                    THEN window_start ELSE excluded.window_start END,
                window_end = CASE WHEN window_end > excluded.last_hit_at THEN window_end ELSE excluded.window_end END,
                last_hit_at = max(last_hit_at, excluded.last_hit_at)
            RETURNING hits, window_start, window_end, last_hit_at
            """
        static let byKey = """
            SELECT hits, window_start, window_end, last_hit_at FROM rate_limits WHERE key = ? AND window_end > ?
            """
        static let delete = "DELETE FROM rate_limits WHERE key = ?"
        static let purge = "DELETE FROM rate_limits WHERE window_end <= ?"
    }

    /// Adds `cost` hits to the counter of `key` with one UPSERT in a write transaction, and returns the counter.
    public func addRateLimitHits(_ cost: Int, key: String, window: Int64, at now: Int64) throws(StoreError)
        -> RateLimitCounter
    {
        precondition(cost >= 1, "a rate-limit hit costs at least 1, got \(cost)")
        precondition(window >= 1, "a rate-limit window lasts at least 1 second, got \(window)")
        let counter = try transaction { connection in
            try connection.queryFirst(
                SQL.addHits, [.text(key), .integer(Int64(cost)), .integer(now), .integer(window)],
                row: Self.counter)
        }
        guard let counter else {
            throw .failure("the rate-limit UPSERT for \(key) returned no row")
        }
        return counter
    }

    /// Returns the counter of `key` when its window is still open at `now`, or nil.
    public func rateLimitCounter(key: String, at now: Int64) throws(StoreError) -> RateLimitCounter? {
        try withConnection { connection in
            try connection.queryFirst(SQL.byKey, [.text(key), .integer(now)], row: Self.counter)
        }
    }

    /// Deletes the counter of `key`; deleting a missing counter is not an error.
    public func resetRateLimit(key: String) throws(StoreError) {
        try transaction { connection in
            try connection.run(SQL.delete, [.text(key)])
        }
    }

    /// Deletes every counter whose window ended at or before `cutoff`, scanning the table, and returns the count.
    public func purgeRateLimits(endedBy cutoff: Int64) throws(StoreError) -> Int {
        try transaction { connection in
            try connection.run(SQL.purge, [.integer(cutoff)])
        }
    }

    private static func counter(_ row: SQLiteStatement) -> RateLimitCounter {
        RateLimitCounter(
            hits: Int(row.int64(at: 0)), windowStart: row.int64(at: 1), windowEnd: row.int64(at: 2),
            lastHitAt: row.int64(at: 3))
    }
}
