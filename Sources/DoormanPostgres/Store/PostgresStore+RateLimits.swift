import DoormanOAuth

extension PostgresStore {
    private enum SQL {
        // One statement per hit. PostgreSQL evaluates every SET expression on the row as it was before the UPDATE,
        // so the three CASEs all test the old window_end. A hit at or after it opens a new window. Two inserts of a
        // new key meet at the primary key: the second waits for the first and then runs the UPDATE on its row.
        static let addHits = """
            INSERT INTO rate_limits AS r (key, hits, window_start, window_end, last_hit_at)
            VALUES ($1, $2, $3, $3::bigint + $4::bigint, $3)
            ON CONFLICT (key) DO UPDATE SET
                hits = CASE WHEN r.window_end > excluded.last_hit_at THEN r.hits + excluded.hits ELSE excluded.hits END,
                window_start = CASE WHEN r.window_end > excluded.last_hit_at
                    THEN r.window_start ELSE excluded.window_start END,
                window_end = CASE WHEN r.window_end > excluded.last_hit_at
                    THEN r.window_end ELSE excluded.window_end END,
                last_hit_at = greatest(r.last_hit_at, excluded.last_hit_at)
            RETURNING hits, window_start, window_end, last_hit_at
            """
        static let byKey = """
            SELECT hits, window_start, window_end, last_hit_at FROM rate_limits WHERE key = $1 AND window_end > $2
            """
        static let delete = "DELETE FROM rate_limits WHERE key = $1"
        static let purge = "DELETE FROM rate_limits WHERE window_end <= $1"
    }

    /// Adds `cost` hits to the counter of `key` with one UPSERT, and returns the counter.
    ///
    /// The UPSERT is its own transaction in autocommit mode and never runs twice, because a second run after a
    /// connection lost mid-statement could count the hits twice. The row lock of `ON CONFLICT … DO UPDATE` makes
    /// concurrent calls for one key, across instances too, add one after another.
    public func addRateLimitHits(_ cost: Int, key: String, window: Int64, at now: Int64) throws(StoreError)
        -> RateLimitCounter
    {
        precondition(cost >= 1, "a rate-limit hit costs at least 1, got \(cost)")
        precondition(window >= 1, "a rate-limit window lasts at least 1 second, got \(window)")
        let counter = try runOnce { connection in
            try connection.query(SQL.addHits, [key, cost, now, window]).first.map(Self.counter)
        }
        guard let counter else {
            throw .failure("the rate-limit UPSERT for \(key) returned no row")
        }
        return counter
    }

    /// Returns the counter of `key` when its window is still open at `now`, or nil.
    public func rateLimitCounter(key: String, at now: Int64) throws(StoreError) -> RateLimitCounter? {
        try read { connection in
            try connection.query(SQL.byKey, [key, now]).first.map(Self.counter)
        }
    }

    /// Deletes the counter of `key`; deleting a missing counter is not an error.
    public func resetRateLimit(key: String) throws(StoreError) {
        try transaction(idempotent: true) { connection in
            try connection.run(SQL.delete, [key])
        }
    }

    /// Deletes every counter whose window ended at or before `cutoff`, scanning the table, and returns the count.
    public func purgeRateLimits(endedBy cutoff: Int64) throws(StoreError) -> Int {
        try transaction(idempotent: true) { connection in
            try connection.run(SQL.purge, [cutoff])
        }
    }

    private static func counter(_ row: PostgresRow) throws(PostgresError) -> RateLimitCounter {
        RateLimitCounter(
            hits: try row.int(at: 0), windowStart: try row.int64(at: 1), windowEnd: try row.int64(at: 2),
            lastHitAt: try row.int64(at: 3))
    }
}
