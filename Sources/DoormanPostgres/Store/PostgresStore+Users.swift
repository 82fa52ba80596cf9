import DoormanOAuth

extension PostgresStore {
    private enum SQL {
        static let columns = "id, username, name, email, profile_pic_url, password_hash"
        static let insert = """
            INSERT INTO users (id, username, name, email, profile_pic_url, password_hash) \
            VALUES ($1, $2, $3, $4, $5, $6)
            """
        static let byID = "SELECT \(columns) FROM users WHERE id = $1"
        // The same expression as the unique index users_username_key, so the lookup uses that index.
        static let byUsername =
            "SELECT \(columns) FROM users WHERE lower(username COLLATE \"C\") = lower($1 COLLATE \"C\")"
    }

    /// Inserts a user. Throws `.conflict("username")` when the username is taken, compared ignoring ASCII case.
    public func createUser(_ user: User) throws(StoreError) {
        try transaction { connection in
            try connection.run(
                SQL.insert,
                [user.id, user.username, user.name, user.email, user.profilePictureURL, user.passwordHash])
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
        try read { connection in
            try connection.query(sql, [key]).first.map { row in try Self.decodeUser(row) }
        }
    }

    /// Decodes the user columns in `columns` order, starting at column `first` of `row`.
    static func decodeUser(_ row: PostgresRow, from first: Int = 0) throws(PostgresError) -> User {
        User(
            id: try row.string(at: first), username: try row.string(at: first + 1),
            name: row.optionalString(at: first + 2), email: row.optionalString(at: first + 3),
            profilePictureURL: row.optionalString(at: first + 4), passwordHash: try row.string(at: first + 5))
    }
}
