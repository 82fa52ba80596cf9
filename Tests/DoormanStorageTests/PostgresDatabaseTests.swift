import DoormanOAuth
import DoormanPostgres
import DoormanTestSupport
import Foundation
import Synchronization
import Testing

/// The pool, retries and errors of `PostgresDatabase` and `PostgresStore` on the test server.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured))
struct PostgresDatabaseTests {
    @Test func exhaustedPoolIsUnavailable() throws {
        try PostgresTestDatabase.withSchema { url in
            let configuration = PostgresConfiguration(url: url, poolSize: 1, checkoutTimeout: .milliseconds(300))
            let store = try PostgresStore.open(configuration: configuration, logger: quietLogger())
            defer { store.close() }

            let started = ContinuousClock.now
            let error = try store.database.withConnection { _ in
                #expect(throws: StoreError.self) { try store.user(id: "user_any") }
            }
            let waited = ContinuousClock.now - started

            guard case .unavailable(let reason) = error else {
                Issue.record("expected .unavailable, got \(String(describing: error))")
                return
            }
            #expect(reason.contains("all 1 are in use"))
            #expect(!reason.contains(Self.password(of: url)))
            #expect(waited >= .milliseconds(300))
        }
    }

    @Test func killedConnectionIsReplacedAndReadRetried() throws {
        try PostgresTestDatabase.withSchema { url in
            let store = try PostgresStore.open(
                configuration: PostgresConfiguration(url: url, poolSize: 1), logger: quietLogger())
            defer { store.close() }
            try store.createUser(User(id: "user_kept", username: "kept", passwordHash: "hash"))
            let victim = try store.database.withConnection { $0.backendProcessID }

            try terminate(victim, url: url)

            #expect(try store.user(id: "user_kept")?.username == "kept")
            let replacement = try store.database.withConnection { $0.backendProcessID }
            #expect(replacement != victim)
        }
    }

    @Test func killedConnectionWithoutRetryIsUnavailable() throws {
        try PostgresTestDatabase.withSchema { url in
            let configuration = PostgresConfiguration(url: url, poolSize: 1, maximumAttempts: 1)
            let store = try PostgresStore.open(configuration: configuration, logger: quietLogger())
            defer { store.close() }
            let victim = try store.database.withConnection { $0.backendProcessID }

            try terminate(victim, url: url)

            let error = #expect(throws: StoreError.self) { try store.user(id: "user_any") }
            guard case .unavailable = error else {
                Issue.record("expected .unavailable, got \(String(describing: error))")
                return
            }
            #expect(try store.user(id: "user_any") == nil)
        }
    }

    @Test func killedConnectionBeforeCommitRetriesWrite() throws {
        try PostgresTestDatabase.withSchema { url in
            let store = try PostgresStore.open(
                configuration: PostgresConfiguration(url: url, poolSize: 1), logger: quietLogger())
            defer { store.close() }
            let victim = try store.database.withConnection { $0.backendProcessID }

            try terminate(victim, url: url)
            try store.createUser(User(id: "user_after", username: "after", passwordHash: "hash"))

            #expect(try store.user(username: "after")?.id == "user_after")
        }
    }

    @Test func serverErrorCarriesSQLState() throws {
        try PostgresTestDatabase.withSchema { url in
            let connection = try PostgresConnection(url: url)

            let error = #expect(throws: PostgresError.self) { try connection.query("SELECT * FROM no_such_table") }

            #expect(error?.kind == .server)
            #expect(error?.sqlState == "42P01")
            #expect(error?.message.contains("no_such_table") == true)
        }
    }

    @Test func rowReadersDecodeEachType() throws {
        try PostgresTestDatabase.withSchema { url in
            let connection = try PostgresConnection(url: url)
            let sql = "SELECT $1::text, $2::bigint, $3::boolean, NULL::text, NULL::bigint"

            let row = try #require(try connection.query(sql, ["Zoë", Int64(-9_000_000_000), true]).first)

            #expect(try row.string(at: 0) == "Zoë")
            #expect(try row.int64(at: 1) == -9_000_000_000)
            #expect(try row.bool(at: 2) == true)
            #expect(row.optionalString(at: 3) == nil)
            #expect(try row.optionalInt64(at: 4) == nil)
            #expect(throws: PostgresError.self) { try row.string(at: 3) }
            #expect(throws: PostgresError.self) { try row.int64(at: 0) }
        }
    }

    @Test func byteaRoundTripsEveryByte() throws {
        try PostgresTestDatabase.withSchema { url in
            let connection = try PostgresConnection(url: url)
            let bytes = (0...255).map { UInt8($0) }
            // encode(…, 'hex') must not depend on bytea_output, so the test sets the format that is not the default.
            try connection.execute("SET bytea_output = 'escape'")

            let sql = "SELECT encode($1::bytea, 'hex'), octet_length($1::bytea), NULL::text, 'abc'::text"
            let row = try #require(try connection.query(sql, [bytes]).first)

            #expect(try row.optionalHexBytes(at: 0) == bytes)
            #expect(try row.int(at: 1) == 256)
            #expect(try row.optionalHexBytes(at: 2) == nil)
            #expect(throws: PostgresError.self) { try row.optionalHexBytes(at: 3) }
        }
    }

    @Test func duplicateWebAppProductNamesBothColumns() throws {
        try PostgresTestDatabase.withSchema { url in
            let store = try PostgresStore.open(configuration: PostgresConfiguration(url: url), logger: quietLogger())
            defer { store.close() }
            var webApp = try Fixture.insert(into: store).webApp
            webApp.id = "exp_twice"
            webApp.clientID = "app_twice"
            webApp.productIDs = ["prod_one", "prod_one"]

            #expect(throws: StoreError.conflict("web_app_id, product_id")) { try store.createWebApp(webApp) }
            #expect(try store.webApp(id: "exp_twice") == nil)
        }
    }

    @Test func unreachableServerNamesHostAndPort() throws {
        let url = "postgresql://doorman:not-the-password@127.0.0.1:1/doorman"
        let started = ContinuousClock.now

        let error = #expect(throws: PostgresError.self) {
            try PostgresDatabase.connect(
                configuration: PostgresConfiguration(url: url), waitingUpTo: .seconds(1), logger: quietLogger())
        }

        #expect(error?.kind == .connectionFailed)
        #expect(error?.message.contains("gave up connecting to postgresql://doorman:***@127.0.0.1:1/doorman") == true)
        #expect(error?.message.contains("\"127.0.0.1\", port 1") == true)
        #expect(error?.message.contains("not-the-password") == false)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func concurrentMigrationsApplyOnce() throws {
        try PostgresTestDatabase.withSchema { url in
            let databases = try (0..<4).map { _ in
                try PostgresDatabase(configuration: PostgresConfiguration(url: url, poolSize: 1), logger: quietLogger())
            }
            defer {
                for database in databases {
                    database.close()
                }
            }

            let applied = Mutex<[Int]>([])
            let errors = runOnThreads(count: databases.count) { index in
                let migrations = try PostgresMigrations.migrator().migrate(databases[index], now: { 1 })
                applied.withLock { $0 += migrations.map(\.version) }
            }

            #expect(errors.isEmpty, "\(errors)")
            #expect(applied.withLock { $0.sorted() } == PostgresMigrations.all.map(\.version))
            let latest = PostgresMigrations.all.last?.version
            #expect(try PostgresMigrations.migrator().currentVersion(databases[0]) == latest)
        }
    }

    @Test func changedMigrationIsRejected() throws {
        try PostgresTestDatabase.withSchema { url in
            let database = try PostgresDatabase(configuration: PostgresConfiguration(url: url), logger: quietLogger())
            defer { database.close() }
            try PostgresMigrations.migrator().migrate(database, now: { 1 })
            try database.withConnection {
                try $0.run("UPDATE schema_migrations SET name = 'renamed' WHERE version = 2")
            }

            let error = #expect(throws: PostgresMigrationError.self) {
                try PostgresMigrations.migrator().migrate(database, now: { 1 })
            }

            #expect(error?.description.contains("records migration 2 as \"renamed\"") == true)
        }
    }

    @Test(arguments: [
        ("postgres://user:secret@host/db", "postgres://user:***@host/db"),
        ("postgresql://user@host:5432/db", "postgresql://user@host:5432/db"),
        ("postgres://user:p@ss@host/db", "postgres://user:***@host/db"),
        ("postgres://host/db?user=me&password=secret", "postgres://host/db?user=me&password=***"),
        ("postgres://host/db?x=a:b@c", "postgres://host/db?x=a:b@c"),
    ])
    func urlRedaction(url: String, expected: String) {
        #expect(PostgresURL.redacted(url) == expected)
    }

    /// Ends the server session `processID` from a separate connection, as an administrator or a failover would.
    private func terminate(_ processID: Int32, url: String) throws {
        let administration = try PostgresConnection(url: url)
        let ended = try administration.query("SELECT pg_terminate_backend($1)", [Int(processID)])
        try #require(try ended.first?.bool(at: 0) == true)
        // The server ends the session asynchronously, after pg_terminate_backend returns.
        usleep(100_000)
    }

    private static func password(of url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let colon = url[..<at].lastIndex(of: ":") else {
            return "no password in the URL"
        }
        return String(url[url.index(after: colon)..<at])
    }
}
