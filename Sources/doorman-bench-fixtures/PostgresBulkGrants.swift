import DoormanCrypto
import DoormanOAuth
import DoormanPostgres

/// Inserts many access tokens and authorization codes on PostgreSQL for one user and one client, with the
/// hashing and lifetimes that the token endpoint uses, and returns their plaintext values.
///
/// Rows go in as arrays, thousands per statement, because one INSERT per row costs a round trip each and would
/// make minting the codes of a code exchange run take longer than the run.
struct PostgresBulkGrants: GrantWriter {
    /// Rows per statement and transaction.
    static let batchSize = 5_000

    /// The columns of `access_tokens`, as `PostgresStore` writes them, from two arrays of the same length.
    private static let insertAccessTokens = """
        INSERT INTO access_tokens (token_hash, client_id, user_id, scope, grant_id, created_at, expires_at, \
        revoked_at) SELECT hash, $3, $4, $5, grant_id, $6, $7, NULL FROM unnest($1::text[], $2::text[]) \
        AS batch (hash, grant_id)
        """
    /// The columns of `authorization_codes`, as `PostgresStore.saveAuthorizationCode` writes them without PKCE.
    private static let insertCodes = """
        INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, scope, code_challenge, \
        code_challenge_method, created_at, expires_at, consumed_at) SELECT hash, $2, $3, $4, $5, NULL, NULL, $6, \
        $7, NULL FROM unnest($1::text[]) AS batch (hash)
        """

    let database: PostgresDatabase
    let catalog: BenchCatalog
    let lifetimes = Lifetimes.standard
    let random = SodiumRandomSource()

    /// Inserts `count` active access tokens, each its own grant, and returns every token's plaintext in insertion
    /// order.
    func insertAccessTokens(count: Int, at now: Int64) throws -> [String] {
        var tokens: [String] = []
        tokens.reserveCapacity(count)
        while tokens.count < count {
            let batch = (0..<min(Self.batchSize, count - tokens.count)).map { _ in
                OrderedToken.make(random: random)
            }
            let grantIDs = batch.map { _ in TokenHash.of(OrderedToken.make(random: random)) }
            try database.transaction { connection in
                try connection.run(
                    Self.insertAccessTokens,
                    [
                        Self.arrayLiteral(batch.map(TokenHash.of)), Self.arrayLiteral(grantIDs),
                        catalog.webApp.clientID, catalog.buyer.id, Scope.default.description, now,
                        now + lifetimes.accessToken,
                    ])
            }
            tokens += batch
        }
        return tokens
    }

    /// Inserts `count` unused authorization codes, each bound to the web app's redirect URI with scope `api` and no
    /// PKCE challenge, valid for `Lifetimes.standard.authorizationCode` seconds (600) from `now`, and returns their
    /// plaintext values.
    func saveCodes(count: Int, at now: Int64) throws -> [String] {
        var codes: [String] = []
        codes.reserveCapacity(count)
        while codes.count < count {
            let batch = (0..<min(Self.batchSize, count - codes.count)).map { _ in
                OrderedToken.make(random: random)
            }
            try database.transaction { connection in
                try connection.run(
                    Self.insertCodes,
                    [
                        Self.arrayLiteral(batch.map(TokenHash.of)), catalog.webApp.clientID, catalog.buyer.id,
                        BenchCatalog.redirectURI, Scope.default.description, now, now + lifetimes.authorizationCode,
                    ])
            }
            codes += batch
        }
        return codes
    }

    /// Returns the number of rows in `access_tokens`.
    func accessTokenCount() throws -> Int64 {
        try database.read { connection in
            try connection.query("SELECT count(*) FROM access_tokens").first?.int64(at: 0) ?? 0
        }
    }

    /// Returns PostgreSQL's text form of a text array. The elements are hexadecimal hashes, which need no quoting.
    private static func arrayLiteral(_ elements: [String]) -> String {
        "{" + elements.joined(separator: ",") + "}"
    }
}
