import DoormanOAuth

extension PostgresStore {
    /// One kind of record that the cleanup deletes, as one statement that deletes a batch.
    ///
    /// Each statement selects at most `$2` keys whose records stopped working at or before `$1`, and deletes the
    /// records under those keys that still meet the condition. It returns the number of keys it selected, so a
    /// full batch means another may follow, and the number of rows it deleted.
    private struct CleanupTarget {
        let batch: String

        /// Creates the statement from a SELECT of keys (`candidates`) and a DELETE that reads them from `doomed`.
        init(candidates: String, delete: String) {
            batch = """
                WITH doomed AS (\(candidates)), deleted AS (\(delete) RETURNING 1)
                SELECT (SELECT count(*) FROM doomed), (SELECT count(*) FROM deleted)
                """
        }
    }

    private enum CleanupSQL {
        /// The time a code or token stopped working: its expiry, or its revocation when that came first.
        static let endedAt = "least(expires_at, coalesce(revoked_at, expires_at))"

        static let codes = CleanupTarget(
            candidates: "SELECT code_hash FROM authorization_codes WHERE expires_at <= $1 LIMIT $2",
            delete: """
                DELETE FROM authorization_codes WHERE code_hash IN (SELECT code_hash FROM doomed) AND expires_at <= $1
                """)
        static let accessTokens = CleanupTarget(
            candidates: "SELECT token_hash FROM access_tokens WHERE \(endedAt) <= $1 LIMIT $2",
            delete: """
                DELETE FROM access_tokens WHERE token_hash IN (SELECT token_hash FROM doomed) AND \(endedAt) <= $1
                """)
        // A family is deleted whole, once its newest token stopped working, which the grant_id index finds.
        static let refreshFamilies = CleanupTarget(
            candidates: """
                SELECT grant_id FROM refresh_tokens GROUP BY grant_id HAVING max(\(endedAt)) <= $1 LIMIT $2
                """,
            delete: """
                DELETE FROM refresh_tokens AS family WHERE family.grant_id IN (SELECT grant_id FROM doomed)
                AND NOT EXISTS (
                    SELECT 1 FROM refresh_tokens AS live WHERE live.grant_id = family.grant_id AND \(endedAt) > $1)
                """)
        static let sessions = CleanupTarget(
            candidates: "SELECT id_hash FROM sessions WHERE expires_at <= $1 LIMIT $2",
            delete: "DELETE FROM sessions WHERE id_hash IN (SELECT id_hash FROM doomed) AND expires_at <= $1")
    }

    /// Deletes codes, tokens and sessions that stopped working, in batches, as `CleanupStore` describes.
    ///
    /// Each batch is one statement in its own transaction that deletes the records of at most `policy.batchSize`
    /// keys, so token requests wait for one batch at most. Refresh token batches count families, not rows: a family
    /// with many rotations is deleted in the same transaction.
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
    ///
    /// A batch runs again after a connection lost during COMMIT, because deleting dead records twice deletes
    /// nothing more. NOTE: the rows of a batch whose first COMMIT did succeed are then missing from the count.
    private func deleteInBatches(_ target: CleanupTarget, endedBy limit: Int64, batchSize: Int) throws(StoreError)
        -> Int
    {
        var deleted = 0
        while true {
            let (keys, rows) = try transaction(idempotent: true) { connection in
                let row = try connection.query(target.batch, [limit, batchSize]).first
                return (try row?.int(at: 0) ?? 0, try row?.int(at: 1) ?? 0)
            }
            deleted += rows
            if keys < batchSize {
                return deleted
            }
        }
    }
}
