import DoormanOAuth

extension SQLiteStore {
    private enum SQL {
        static let columns = "id, username, name, email, profile_pic_url, password_hash"
        static let insert = """
            INSERT INTO users (id, username, name, email, profile_pic_url, password_hash) VALUES (?, ?, ?, ?, ?, ?)
            """
        static let byID = "SELECT \(columns) FROM users WHERE id = ?"
        // The column's NOCASE collation applies to the comparison, so it ignores ASCII case and uses the index.
        static let byUsername = "SELECT \(columns) FROM users WHERE username = ?"
    }

    /// Inserts a user. Throws `.conflict("username")` when the username is taken, compared ignoring ASCII case.
    public func createUser(_ user: User) throws(StoreError) {
        try transaction { connection in
            try connection.run(
                SQL.insert,
                [
                    .text(user.id), .text(user.username), SQLiteValue(user.name), SQLiteValue(user.email),
                    SQLiteValue(user.profilePictureURL), .text(user.passwordHash),
                ])
        }
    }

    /// Returns the user with `id`, or nil.
    public func user(id: String) throws(StoreError) -> User? {
        try findUser(SQL.byID, key: id)
    }

    /// Returns the user whose username equals `username` ignoring ASCII case, or nil.
    public func user(username: String) throws(StoreError) -> User? {
        try findUser(SQL.byUsername, key: username)
    }

    private func findUser(_ sql: String, key: String) throws(StoreError) -> User? {
        try withConnection { connection in
            try connection.withStatement(sql) { statement in
                try statement.bind(key, at: 1)
                return try statement.step() ? Self.decodeUser(statement) : nil
            }
        }
    }

    /// Decodes the user columns in `columns` order, starting at column `first` of the current row.
    static func decodeUser(_ row: SQLiteStatement, from first: Int32 = 0) -> User {
        User(
            id: row.string(at: first), username: row.string(at: first + 1), name: row.optionalString(at: first + 2),
            email: row.optionalString(at: first + 3), profilePictureURL: row.optionalString(at: first + 4),
            passwordHash: row.string(at: first + 5))
    }
}
