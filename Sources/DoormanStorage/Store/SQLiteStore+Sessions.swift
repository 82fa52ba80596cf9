import DoormanOAuth

extension SQLiteStore {
    private enum SQL {
        static let insert = """
            INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
            """
        static let byIDHash = """
            SELECT id_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE id_hash = ?
            """
        static let delete = "DELETE FROM sessions WHERE id_hash = ?"
    }

    /// Inserts a session. Throws `.conflict("id_hash")` for a hash that exists and `.missingReference` naming
    /// the user when the session's user does not exist.
    public func createSession(_ session: BrowserSession) throws(StoreError) {
        let references = session.userID.map { [RecordReference("user", table: "users", value: $0)] } ?? []
        try write(references: references) { connection in
            try connection.run(
                SQL.insert,
                [
                    .text(session.idHash), SQLiteValue(session.userID), .text(session.csrfToken),
                    .integer(session.createdAt), .integer(session.expiresAt),
                ])
        }
    }

    /// Returns the session with `idHash`, expired ones included, or nil.
    public func session(idHash: String) throws(StoreError) -> BrowserSession? {
        try withConnection { connection in
            try connection.withStatement(SQL.byIDHash) { row in
                try row.bind(idHash, at: 1)
                guard try row.step() else {
                    return nil
                }
                return BrowserSession(
                    idHash: row.string(at: 0), userID: row.optionalString(at: 1), csrfToken: row.string(at: 2),
                    createdAt: row.int64(at: 3), expiresAt: row.int64(at: 4))
            }
        }
    }

    /// Deletes the session with `idHash`; deleting a missing session is not an error.
    public func deleteSession(idHash: String) throws(StoreError) {
        try transaction { connection in
            try connection.run(SQL.delete, [.text(idHash)])
        }
    }
}
