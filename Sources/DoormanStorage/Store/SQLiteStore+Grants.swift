import DoormanOAuth

extension SQLiteStore {
    private enum SQL {
        static let insertCode = """
            INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, scope, code_challenge, \
            code_challenge_method, created_at, expires_at, consumed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let code = """
            SELECT code_hash, client_id, user_id, redirect_uri, scope, code_challenge, code_challenge_method, \
            created_at, expires_at, consumed_at FROM authorization_codes WHERE code_hash = ?
            """
        static let consumeCode = """
            UPDATE authorization_codes SET consumed_at = ? WHERE code_hash = ? AND consumed_at IS NULL
            """
        static let codeExists = "SELECT 1 FROM authorization_codes WHERE code_hash = ?"

        static let tokenColumns = "token_hash, client_id, user_id, scope, grant_id, created_at, expires_at, revoked_at"
        static let insertAccess = "INSERT INTO access_tokens (\(tokenColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        static let insertRefresh = "INSERT INTO refresh_tokens (\(tokenColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        static let access = "SELECT \(tokenColumns) FROM access_tokens WHERE token_hash = ?"
        static let refresh = """
            SELECT \(tokenColumns), rotated_at, sealed_successor FROM refresh_tokens WHERE token_hash = ?
            """
        static let accessWithUser = """
            SELECT t.token_hash, t.client_id, t.user_id, t.scope, t.grant_id, t.created_at, t.expires_at, \
            t.revoked_at, u.id, u.username, u.name, u.email, u.profile_pic_url, u.password_hash \
            FROM access_tokens AS t JOIN users AS u ON u.id = t.user_id WHERE t.token_hash = ?
            """
        static let rotateRefresh = """
            UPDATE refresh_tokens SET revoked_at = ?1, rotated_at = ?1, sealed_successor = ?3 \
            WHERE token_hash = ?2 AND revoked_at IS NULL AND rotated_at IS NULL
            """
        static let revokeAccess = """
            UPDATE access_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL
            """
        static let revokeGrantAccess = """
            UPDATE access_tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at IS NULL
            """
        static let revokeGrantRefresh = """
            UPDATE refresh_tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at IS NULL
            """
        static let eraseGrantSuccessors = """
            UPDATE refresh_tokens SET sealed_successor = NULL WHERE grant_id = ? AND sealed_successor IS NOT NULL
            """
    }

    /// Inserts a new authorization code. Throws `.conflict("code_hash")` for a hash that exists and
    /// `.missingReference` naming the client or the user when either does not exist.
    public func saveAuthorizationCode(_ code: AuthorizationCode) throws(StoreError) {
        let references = [
            RecordReference("client", table: "web_apps", column: "client_id", value: code.clientID),
            RecordReference("user", table: "users", value: code.userID),
        ]
        try write(references: references) { connection in
            try connection.run(
                SQL.insertCode,
                [
                    .text(code.codeHash), .text(code.clientID), .text(code.userID), SQLiteValue(code.redirectURI),
                    .text(code.scope.description), SQLiteValue(code.codeChallenge),
                    SQLiteValue(code.codeChallengeMethod?.rawValue), .integer(code.createdAt), .integer(code.expiresAt),
                    SQLiteValue(code.consumedAt),
                ])
        }
    }

    /// Returns the code with `hash`, consumed or not, expired or not, or nil.
    public func authorizationCode(hash: String) throws(StoreError) -> AuthorizationCode? {
        try withConnection { connection in
            try connection.withStatement(SQL.code) { row in
                try row.bind(hash, at: 1)
                return try row.step() ? try Self.decodeCode(row) : nil
            }
        }
    }

    /// Atomically marks the code consumed at `now` and stores `access` and `refresh`, but only if the code is
    /// still unconsumed.
    ///
    /// The conditional UPDATE runs in a `BEGIN IMMEDIATE` transaction, which holds the database's write lock until
    /// the commit, so of any number of callers, in any number of processes, the UPDATE changes a row for exactly
    /// one. Redemptions that queue for the lock in this process commit together (`groupedTransaction`), each in a
    /// SAVEPOINT of its own: a later one in the group finds the code consumed, and no result is returned before
    /// the COMMIT. A failed token insert rolls back its own SAVEPOINT and leaves the code unconsumed.
    public func redeemAuthorizationCode(
        hash: String, at now: Int64, access: AccessToken, refresh: RefreshToken?
    ) throws(StoreError) -> CodeRedemptionResult {
        try groupedTransaction { connection in
            guard try Self.markUsed(SQL.consumeCode, hash: hash, at: now, connection) else {
                let exists = try connection.withStatement(SQL.codeExists) { row in
                    try row.bind(hash, at: 1)
                    return try row.step()
                }
                return exists ? .alreadyConsumed : .notFound
            }

            try Self.insert(SQL.insertAccess, access.columns, connection)
            if let refresh {
                try Self.insert(SQL.insertRefresh, refresh.columns, connection)
            }
            return .redeemed
        }
    }

    /// Returns the access token with `hash`, revoked or expired ones included, or nil.
    public func accessToken(hash: String) throws(StoreError) -> AccessToken? {
        try withConnection { connection in
            try Self.findToken(SQL.access, hash: hash, connection).map(AccessToken.init)
        }
    }

    /// Returns the access token with `hash` and its user from one statement, so a v5 API request takes one
    /// read transaction. Returns nil when no access token has this hash.
    public func accessTokenAndUser(hash: String) throws(StoreError) -> (token: AccessToken, user: User)? {
        try withConnection { connection in
            try connection.withStatement(SQL.accessWithUser) { row in
                try row.bind(hash, at: 1)
                guard try row.step() else {
                    return nil
                }
                return (AccessToken(try TokenColumns(row)), Self.decodeUser(row, from: 8))
            }
        }
    }

    /// Returns the refresh token with `hash`, revoked or expired ones included, or nil.
    public func refreshToken(hash: String) throws(StoreError) -> RefreshToken? {
        try withConnection { connection in
            try Self.findRefreshToken(hash: hash, connection)
        }
    }

    /// Rotates the refresh token with `hash` at `now`, sealing `sealedSuccessor` in its row, and stores its
    /// successors, but only if it is neither revoked nor rotated yet.
    ///
    /// The conditional UPDATE holds the write lock until the commit, and rotations commit in groups, as in
    /// `redeemAuthorizationCode`, so exactly one of any number of callers rotates. A loser runs after the winner,
    /// later in the same group or in a later transaction, so the record it reads back carries the winner's sealed
    /// successor, and it receives that record only once the winner's rotation has committed.
    public func rotateRefreshToken(
        hash: String, at now: Int64, access: AccessToken, refresh: RefreshToken, sealedSuccessor: [UInt8]
    ) throws(StoreError) -> RefreshRotationResult {
        try groupedTransaction { connection in
            let changes = try connection.run(SQL.rotateRefresh, [.integer(now), .text(hash), .blob(sealedSuccessor)])
            guard changes == 1 else {
                return try Self.findRefreshToken(hash: hash, connection).map { .alreadyRevoked($0) } ?? .notFound
            }

            try Self.insert(SQL.insertAccess, access.columns, connection)
            try Self.insert(SQL.insertRefresh, refresh.columns, connection)
            return .rotated
        }
    }

    /// Revokes, at `now`, every access and refresh token of `grantID` that is not revoked yet, erases the sealed
    /// successors of its refresh tokens, and returns how many tokens it revoked, in one transaction.
    public func revokeGrant(_ grantID: String, at now: Int64) throws(StoreError) -> Int {
        try transaction { connection in
            let access = try connection.run(SQL.revokeGrantAccess, [.integer(now), .text(grantID)])
            let refresh = try connection.run(SQL.revokeGrantRefresh, [.integer(now), .text(grantID)])
            try connection.run(SQL.eraseGrantSuccessors, [.text(grantID)])
            return access + refresh
        }
    }

    /// Revokes, at `now`, the access token with `hash` if it is not revoked yet, and returns whether it did.
    public func revokeAccessToken(hash: String, at now: Int64) throws(StoreError) -> Bool {
        try transaction { connection in
            try Self.markUsed(SQL.revokeAccess, hash: hash, at: now, connection)
        }
    }

    /// Runs a conditional UPDATE that sets a time on one row, and returns whether it changed the row.
    private static func markUsed(_ sql: String, hash: String, at now: Int64, _ connection: SQLiteConnection) throws
        -> Bool
    {
        try connection.withStatement(sql) { statement throws(SQLiteError) in
            try statement.bind(now, at: 1)
            try statement.bind(hash, at: 2)
            _ = try statement.step()
        }
        return connection.changes == 1
    }

    private static func insert(_ sql: String, _ token: TokenColumns, _ connection: SQLiteConnection) throws {
        try connection.withStatement(sql) { statement throws(SQLiteError) in
            try token.bind(to: statement)
            _ = try statement.step()
        }
    }

    private static func findRefreshToken(hash: String, _ connection: SQLiteConnection) throws -> RefreshToken? {
        try connection.withStatement(SQL.refresh) { row in
            try row.bind(hash, at: 1)
            guard try row.step() else {
                return nil
            }
            var token = RefreshToken(try TokenColumns(row))
            token.rotatedAt = row.optionalInt64(at: 8)
            token.sealedSuccessor = row.isNull(at: 9) ? nil : row.blob(at: 9)
            return token
        }
    }

    private static func findToken(_ sql: String, hash: String, _ connection: SQLiteConnection) throws
        -> TokenColumns?
    {
        try connection.withStatement(sql) { row in
            try row.bind(hash, at: 1)
            return try row.step() ? try TokenColumns(row) : nil
        }
    }

    private static func decodeCode(_ row: SQLiteStatement) throws(StoreError) -> AuthorizationCode {
        AuthorizationCode(
            codeHash: row.string(at: 0), clientID: row.string(at: 1), userID: row.string(at: 2),
            redirectURI: row.optionalString(at: 3), scope: try row.scope(at: 4),
            codeChallenge: row.optionalString(at: 5),
            codeChallengeMethod: try row.optionalEnumeration(PKCE.Method.self, at: 6), createdAt: row.int64(at: 7),
            expiresAt: row.int64(at: 8), consumedAt: row.optionalInt64(at: 9))
    }
}
