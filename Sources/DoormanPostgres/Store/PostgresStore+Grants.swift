import DoormanOAuth

extension PostgresStore {
    private enum SQL {
        static let insertCode = """
            INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, scope, code_challenge, \
            code_challenge_method, created_at, expires_at, consumed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """
        static let code = """
            SELECT code_hash, client_id, user_id, redirect_uri, scope, code_challenge, code_challenge_method, \
            created_at, expires_at, consumed_at FROM authorization_codes WHERE code_hash = $1
            """
        static let tokenColumns = PostgresTokenColumns.names
        /// Consumes the code $1 at $2 and inserts the access token $3 to $10 and the refresh token $11 to $18 in one
        /// statement, which PostgreSQL runs as one transaction. The casts make the parameter types explicit. Returns
        /// whether this statement consumed the code, and whether the access token $3 was stored before it began,
        /// which only an earlier run of the same redemption can have done.
        static let redeemCode = """
            WITH consumed AS (\
            UPDATE authorization_codes SET consumed_at = $2 WHERE code_hash = $1 AND consumed_at IS NULL RETURNING 1\
            ), access AS (\
            INSERT INTO access_tokens (\(tokenColumns)) \
            SELECT $3, $4, $5, $6, $7, $8::bigint, $9::bigint, $10::bigint FROM consumed\
            ), refresh AS (\
            INSERT INTO refresh_tokens (\(tokenColumns)) \
            SELECT $11, $12, $13, $14, $15, $16::bigint, $17::bigint, $18::bigint FROM consumed \
            WHERE $11::text IS NOT NULL\
            ) SELECT EXISTS (SELECT 1 FROM consumed), EXISTS (SELECT 1 FROM access_tokens WHERE token_hash = $3)
            """
        static let codeExists = "SELECT 1 FROM authorization_codes WHERE code_hash = $1"
        static let insertAccess = "INSERT INTO access_tokens (\(tokenColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        static let insertRefresh =
            "INSERT INTO refresh_tokens (\(tokenColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        static let access = "SELECT \(tokenColumns) FROM access_tokens WHERE token_hash = $1"
        static let refresh = "SELECT \(PostgresTokenColumns.refreshNames) FROM refresh_tokens WHERE token_hash = $1"
        static let accessWithUser = """
            SELECT t.token_hash, t.client_id, t.user_id, t.scope, t.grant_id, t.created_at, t.expires_at, \
            t.revoked_at, u.id, u.username, u.name, u.email, u.profile_pic_url, u.password_hash \
            FROM access_tokens AS t JOIN users AS u ON u.id = t.user_id WHERE t.token_hash = $1
            """
        static let rotateRefresh = """
            UPDATE refresh_tokens SET revoked_at = $2, rotated_at = $2, sealed_successor = $3 \
            WHERE token_hash = $1 AND revoked_at IS NULL AND rotated_at IS NULL
            """
        static let revokeAccess = """
            UPDATE access_tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL
            """
        static let revokeGrantAccess = """
            UPDATE access_tokens SET revoked_at = $2 WHERE grant_id = $1 AND revoked_at IS NULL
            """
        static let revokeGrantRefresh = """
            UPDATE refresh_tokens SET revoked_at = $2 WHERE grant_id = $1 AND revoked_at IS NULL
            """
        static let eraseGrantSuccessors = """
            UPDATE refresh_tokens SET sealed_successor = NULL WHERE grant_id = $1 AND sealed_successor IS NOT NULL
            """
    }

    /// Inserts a new authorization code. Throws `.conflict("code_hash")` for a hash that exists and
    /// `.missingReference` naming the client or the user when either does not exist.
    public func saveAuthorizationCode(_ code: AuthorizationCode) throws(StoreError) {
        let references = [
            PostgresReference("client", table: "web_apps", column: "client_id", value: code.clientID),
            PostgresReference("user", table: "users", value: code.userID),
        ]
        try write(references: references) { connection in
            try connection.run(
                SQL.insertCode,
                [
                    code.codeHash, code.clientID, code.userID, code.redirectURI, code.scope.description,
                    code.codeChallenge, code.codeChallengeMethod?.rawValue, code.createdAt, code.expiresAt,
                    code.consumedAt,
                ])
        }
    }

    /// Returns the code with `hash`, consumed or not, expired or not, or nil.
    public func authorizationCode(hash: String) throws(StoreError) -> AuthorizationCode? {
        try read { connection in
            try connection.query(SQL.code, [hash]).first.map(Self.decodeCode)
        }
    }

    /// Atomically marks the code consumed at `now` and stores `access` and `refresh`, but only if the code is
    /// still unconsumed.
    ///
    /// One statement does it all (`SQL.redeemCode`), so a redemption costs one round trip. Its UPDATE locks the
    /// code's row until the statement commits. A concurrent caller, in this process or another instance, waits for
    /// that lock and then re-checks `consumed_at` on the new row version and finds it set, so exactly one statement
    /// consumes the code and inserts tokens. A failed token insert fails the whole statement and leaves the code
    /// unconsumed.
    ///
    /// After a lost connection the statement runs again. A run that finds the code consumed and `access` stored
    /// reports the redemption, because `access` carries a fresh random hash, so only an earlier run of this call
    /// can have stored it. Only when the code was not consumed here does a second statement look for it, in a snapshot
    /// taken after any concurrent commit, to tell `.alreadyConsumed` from `.notFound`.
    public func redeemAuthorizationCode(
        hash: String, at now: Int64, access: AccessToken, refresh: RefreshToken?
    ) throws(StoreError) -> CodeRedemptionResult {
        let refreshValues = refresh.map(PostgresTokenColumns.values) ?? Array(repeating: nil, count: 8)
        let parameters: [(any PostgresParameter)?] =
            [hash, now] + PostgresTokenColumns.values(of: access) + refreshValues
        let redeemed = try repeatable { connection in
            guard let row = try connection.query(SQL.redeemCode, parameters).first else {
                throw PostgresError(kind: .invalidValue, message: "the code redemption statement returned no row")
            }
            return try row.bool(at: 0) || row.bool(at: 1)
        }
        if redeemed {
            return .redeemed
        }
        let exists = try read { connection in try !connection.query(SQL.codeExists, [hash]).isEmpty }
        return exists ? .alreadyConsumed : .notFound
    }

    /// Returns the access token with `hash`, revoked or expired ones included, or nil.
    public func accessToken(hash: String) throws(StoreError) -> AccessToken? {
        try read { connection in
            try connection.query(SQL.access, [hash]).first.map(PostgresTokenColumns.accessToken)
        }
    }

    /// Returns the access token with `hash` and its user from one statement, because every v5 API request needs
    /// both. Returns nil when no access token has this hash.
    public func accessTokenAndUser(hash: String) throws(StoreError) -> (token: AccessToken, user: User)? {
        try read { connection in
            try connection.query(SQL.accessWithUser, [hash]).first.map { row in
                (try PostgresTokenColumns.accessToken(row), try Self.decodeUser(row, from: 8))
            }
        }
    }

    /// Returns the refresh token with `hash`, revoked or expired ones included, or nil.
    public func refreshToken(hash: String) throws(StoreError) -> RefreshToken? {
        try read { connection in
            try connection.query(SQL.refresh, [hash]).first.map(PostgresTokenColumns.refreshToken)
        }
    }

    /// Rotates the refresh token with `hash` at `now`, sealing `sealedSuccessor` in its row, and stores its
    /// successors, but only if it is neither revoked nor rotated yet.
    ///
    /// The conditional UPDATE locks the token's row until COMMIT, as in `redeemAuthorizationCode`, so exactly one of
    /// any number of callers, across instances too, rotates. A loser's UPDATE waits for that lock, then finds the
    /// token rotated. At READ COMMITTED its next statement reads a snapshot taken after the winner's commit, so the
    /// record it returns carries the winner's sealed successor. The transaction never runs again after a connection
    /// lost during COMMIT, because a second run would find its own rotation and report a replay.
    public func rotateRefreshToken(
        hash: String, at now: Int64, access: AccessToken, refresh: RefreshToken, sealedSuccessor: [UInt8]
    ) throws(StoreError) -> RefreshRotationResult {
        try transaction { connection in
            guard try connection.run(SQL.rotateRefresh, [hash, now, sealedSuccessor]) == 1 else {
                let stored = try connection.query(SQL.refresh, [hash]).first.map(PostgresTokenColumns.refreshToken)
                return stored.map { .alreadyRevoked($0) } ?? .notFound
            }

            try connection.run(SQL.insertAccess, PostgresTokenColumns.values(of: access))
            try connection.run(SQL.insertRefresh, PostgresTokenColumns.values(of: refresh))
            return .rotated
        }
    }

    /// Revokes, at `now`, every access and refresh token of `grantID` that is not revoked yet, erases the sealed
    /// successors of its refresh tokens, and returns how many tokens it revoked, in one transaction.
    public func revokeGrant(_ grantID: String, at now: Int64) throws(StoreError) -> Int {
        try transaction { connection in
            let access = try connection.run(SQL.revokeGrantAccess, [grantID, now])
            let refresh = try connection.run(SQL.revokeGrantRefresh, [grantID, now])
            try connection.run(SQL.eraseGrantSuccessors, [grantID])
            return access + refresh
        }
    }

    /// Revokes, at `now`, the access token with `hash` if it is not revoked yet, and returns whether it did.
    public func revokeAccessToken(hash: String, at now: Int64) throws(StoreError) -> Bool {
        try transaction { connection in
            try connection.run(SQL.revokeAccess, [hash, now]) == 1
        }
    }

    private static func decodeCode(_ row: PostgresRow) throws(PostgresError) -> AuthorizationCode {
        AuthorizationCode(
            codeHash: try row.string(at: 0), clientID: try row.string(at: 1), userID: try row.string(at: 2),
            redirectURI: row.optionalString(at: 3), scope: try row.scope(at: 4),
            codeChallenge: row.optionalString(at: 5),
            codeChallengeMethod: try row.optionalEnumeration(PKCE.Method.self, at: 6), createdAt: try row.int64(at: 7),
            expiresAt: try row.int64(at: 8), consumedAt: try row.optionalInt64(at: 9))
    }
}
