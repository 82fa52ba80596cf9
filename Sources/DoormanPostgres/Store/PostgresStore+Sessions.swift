import DoormanOAuth

extension PostgresStore {
    private enum SQL {
        static let insert = """
            INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)
            """
        static let byIDHash = """
            SELECT id_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE id_hash = $1
            """
        static let delete = "DELETE FROM sessions WHERE id_hash = $1"
    }

    /// Inserts a session. Throws `.conflict("id_hash")` for a hash that exists and `.missingReference` naming
    /// the user when the session's user does not exist.
    public func createSession(_ session: BrowserSession) throws(StoreError) {
        let references = session.userID.map { [PostgresReference("user", table: "users", value: $0)] } ?? []
        try write(references: references) { connection in
            try connection.run(
                SQL.insert,
                [session.idHash, session.userID, session.csrfToken, session.createdAt, session.expiresAt])
        }
    }

    /// Returns the session with `idHash`, expired ones included, or nil.
    public func session(idHash: String) throws(StoreError) -> BrowserSession? {
        try read { connection in
            try connection.query(SQL.byIDHash, [idHash]).first.map { row in
                BrowserSession(
                    idHash: try row.string(at: 0), userID: row.optionalString(at: 1), csrfToken: try row.string(at: 2),
                    createdAt: try row.int64(at: 3), expiresAt: try row.int64(at: 4))
            }
        }
    }

    /// Deletes the session with `idHash`; deleting a missing session is not an error.
    ///
    /// Deleting twice leaves the same rows as deleting once, so the transaction may run again after a connection
    /// lost during COMMIT.
    public func deleteSession(idHash: String) throws(StoreError) {
        try transaction(idempotent: true) { connection in
            try connection.run(SQL.delete, [idHash])
        }
    }
}
