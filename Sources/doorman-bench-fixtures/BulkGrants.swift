import DoormanCrypto
import DoormanOAuth
import DoormanStorage

/// Bulk inserts of the grants that the benchmark sends, one implementation per database.
protocol GrantWriter {
    /// Inserts `count` active access tokens, each its own grant, and returns their plaintext in insertion order.
    func insertAccessTokens(count: Int, at now: Int64) throws -> [String]
    /// Inserts `count` unused authorization codes valid for 600 seconds from `now` and returns their plaintext.
    func saveCodes(count: Int, at now: Int64) throws -> [String]
    /// Returns the number of rows in `access_tokens`.
    func accessTokenCount() throws -> Int64
}

/// Inserts many access tokens and authorization codes on SQLite for one user and one client, with the hashing and
/// lifetimes that the token endpoint uses, and returns their plaintext values.
struct BulkGrants: GrantWriter {
    /// Rows per write transaction. Tokens and grant ids are `OrderedToken` values, so each batch appends to the
    /// end of the table and of the grant index, and a commit writes only those last pages.
    static let batchSize = 10_000

    /// The columns of `access_tokens` in table order, as `SQLiteStore` writes them.
    private static let insertAccessToken = """
        INSERT INTO access_tokens (token_hash, client_id, user_id, scope, grant_id, created_at, expires_at, \
        revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
        """

    let store: SQLiteStore
    let catalog: BenchCatalog
    let lifetimes = Lifetimes.standard
    let random = SodiumRandomSource()

    /// Inserts `count` active access tokens, each its own grant, in batches of `batchSize` rows per transaction,
    /// and returns every token's plaintext in insertion order.
    func insertAccessTokens(count: Int, at now: Int64) throws -> [String] {
        var tokens: [String] = []
        tokens.reserveCapacity(count)
        while tokens.count < count {
            let batch = min(Self.batchSize, count - tokens.count)
            try store.database.transaction { connection in
                for _ in 0..<batch {
                    tokens.append(try insertAccessToken(connection, at: now))
                }
            }
        }
        return tokens
    }

    private func insertAccessToken(_ connection: SQLiteConnection, at now: Int64) throws -> String {
        let token = OrderedToken.make(random: random)
        let grantID = TokenHash.of(OrderedToken.make(random: random))
        try connection.withStatement(Self.insertAccessToken) { statement in
            try statement.bind(TokenHash.of(token), at: 1)
            try statement.bind(catalog.webApp.clientID, at: 2)
            try statement.bind(catalog.buyer.id, at: 3)
            try statement.bind(Scope.default.description, at: 4)
            try statement.bind(grantID, at: 5)
            try statement.bind(now, at: 6)
            try statement.bind(now + lifetimes.accessToken, at: 7)
            _ = try statement.step()
        }
        return token
    }

    /// Saves `count` unused authorization codes through `SQLiteStore.saveAuthorizationCode`, each bound to the
    /// web app's redirect URI with scope `api` and no PKCE challenge, and returns their plaintext values.
    ///
    /// The codes are valid for `Lifetimes.standard.authorizationCode` seconds (600) from `now`.
    func saveCodes(count: Int, at now: Int64) throws -> [String] {
        var codes: [String] = []
        codes.reserveCapacity(count)
        for _ in 0..<count {
            let code = OrderedToken.make(random: random)
            let record = AuthorizationCode(
                codeHash: TokenHash.of(code), clientID: catalog.webApp.clientID, userID: catalog.buyer.id,
                redirectURI: BenchCatalog.redirectURI, scope: .default, createdAt: now,
                expiresAt: now + lifetimes.authorizationCode)
            try store.saveAuthorizationCode(record)
            codes.append(code)
        }
        return codes
    }

    /// Returns the number of rows in `access_tokens`.
    func accessTokenCount() throws -> Int64 {
        try store.database.withConnection { connection in
            try connection.queryFirst("SELECT count(*) FROM access_tokens") { row in row.int64(at: 0) } ?? 0
        }
    }
}
