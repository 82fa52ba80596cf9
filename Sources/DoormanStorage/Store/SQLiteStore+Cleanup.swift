import DoormanOAuth

extension SQLiteStore {
    /// One kind of record that the cleanup deletes: how to find candidates and how to delete one of them.
    ///
    /// Candidates are read outside the write lock. The DELETE repeats the condition, so a record that changed
    /// between the read and the delete is kept.
    private struct CleanupTarget {
        /// SELECT of at most `?2` keys whose records stopped working at or before `?1`.
        let candidates: String
        /// DELETE of the records under key `?1` if they still stopped working at or before `?2`.
        let delete: String
    }

    private enum CleanupSQL {
        /// The time a code or token stopped working: its expiry, or its revocation when that came first.
        static let endedAt = "min(expires_at, coalesce(revoked_at, expires_at))"

        static let codes = CleanupTarget(
            candidates: "SELECT code_hash FROM authorization_codes WHERE expires_at <= ?1 LIMIT ?2",
            delete: "DELETE FROM authorization_codes WHERE code_hash = ?1 AND expires_at <= ?2")
        static let accessTokens = CleanupTarget(
            candidates: "SELECT token_hash FROM access_tokens WHERE \(endedAt) <= ?1 LIMIT ?2",
            delete: "DELETE FROM access_tokens WHERE token_hash = ?1 AND \(endedAt) <= ?2")
        // A family is deleted whole, once its newest token stopped working, which the grant_id index finds.
        static let refreshFamilies = CleanupTarget(
            candidates: """
                SELECT grant_id FROM refresh_tokens GROUP BY grant_id HAVING max(\(endedAt)) <= ?1 LIMIT ?2
                """,
            delete: """
                DELETE FROM refresh_tokens WHERE grant_id = ?1 AND NOT EXISTS (
                    SELECT 1 FROM refresh_tokens WHERE grant_id = ?1 AND \(endedAt) > ?2)
                """)
        static let sessions = CleanupTarget(
            candidates: "SELECT id_hash FROM sessions WHERE expires_at <= ?1 LIMIT ?2",
            delete: "DELETE FROM sessions WHERE id_hash = ?1 AND expires_at <= ?2")
    }

    /// Deletes codes, tokens and sessions that stopped working, in batches, as `CleanupStore` describes.
    ///
    /// Each batch reads at most `policy.batchSize` keys without the write lock, then deletes them in one short
    /// `BEGIN IMMEDIATE` transaction, so token requests wait for one batch at most. Refresh token batches count
    /// families, not rows: a family with many rotations is deleted in the same transaction.
    public func deleteExpiredRecords(at now: Int64, policy: CleanupPolicy) throws(StoreError) -> CleanupCounts {
        let cutoff = now - policy.retentionSeconds
        let batchSize = policy.batchSize

        var counts = CleanupCounts()
        counts.authorizationCodes = try deleteInBatches(CleanupSQL.codes, endedBy: cutoff, batchSize: batchSize)
        counts.accessTokens = try deleteInBatches(CleanupSQL.accessTokens, endedBy: cutoff, batchSize: batchSize)
        counts.refreshTokens = try deleteInBatches(CleanupSQL.refreshFamilies, endedBy: cutoff, batchSize: batchSize)
        counts.sessions = try deleteInBatches(CleanupSQL.sessions, endedBy: now, batchSize: batchSize)
        return counts
    }

    /// Deletes the records of `target` that stopped working at or before `limit`, batch by batch, and returns how
    /// many rows it deleted.
    private func deleteInBatches(_ target: CleanupTarget, endedBy limit: Int64, batchSize: Int) throws(StoreError)
        -> Int
    {
        var deleted = 0
        while true {
            let keys = try withConnection { connection in
                try connection.query(target.candidates, [.integer(limit), SQLiteValue(batchSize)]) { $0.string(at: 0) }
            }
            if keys.isEmpty {
                return deleted
            }

            deleted += try transaction { connection in
                var rows = 0
                for key in keys {
                    rows += try connection.run(target.delete, [.text(key), .integer(limit)])
                }
                return rows
            }
            if keys.count < batchSize {
                return deleted
            }
        }
    }
}
