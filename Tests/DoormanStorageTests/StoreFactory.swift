import DoormanOAuth
import DoormanPostgres
import DoormanStorage
import DoormanTestSupport
import Testing

/// A kind of `DoormanStore` that the conformance tests run against, each test on a new, empty store.
///
/// Adding a store to every conformance test takes one entry in `all`.
struct StoreFactory: Sendable, CustomTestStringConvertible {
    /// The store's name in test output.
    let name: String
    /// Runs its argument with a new, empty store and disposes of the store afterwards.
    let run: @Sendable (_ body: (any DoormanStore) throws -> Void) throws -> Void

    var testDescription: String {
        name
    }

    /// Runs `body` with a new, empty store and disposes of the store afterwards.
    func withStore(_ body: (any DoormanStore) throws -> Void) throws {
        try run(body)
    }

    /// Every store the conformance tests cover: SQLite, SQLite behind `CachingStore`, and PostgreSQL when
    /// `DOORMAN_TEST_POSTGRES_URL` is set.
    static let all: [StoreFactory] =
        PostgresTestDatabase.isConfigured ? [.sqlite, .cachedSQLite, .postgres] : [.sqlite, .cachedSQLite]

    /// `SQLiteStore` on a new database file in a temporary directory, removed afterwards.
    ///
    /// The pool has room for the concurrency tests' threads, so they contend for the database lock rather than
    /// for connections.
    static let sqlite = StoreFactory(name: "SQLite") { body in
        try withTemporaryDatabasePath { path in
            let store = try SQLiteStore.open(path: path, poolSize: 24)
            defer { try? store.close() }
            try body(store)
        }
    }

    /// `CachingStore` over `SQLiteStore`, with a clock stopped at `Fixture.now`, so that no cached entry goes
    /// stale during a test and every result that differs from the plain store's shows a missing invalidation.
    static let cachedSQLite = StoreFactory(name: "SQLite with cache") { body in
        try withTemporaryDatabasePath { path in
            let store = try SQLiteStore.open(path: path, poolSize: 24)
            defer { try? store.close() }
            try body(CachingStore(wrapping: store, now: { Fixture.now * 1000 }))
        }
    }

    /// `PostgresStore` on a new schema of the test server, dropped afterwards, with a pool as large as SQLite's.
    static let postgres = StoreFactory(name: "PostgreSQL") { body in
        try PostgresTestDatabase.withSchema { url in
            let store = try PostgresStore.open(
                configuration: PostgresConfiguration(url: url, poolSize: 24), logger: quietLogger())
            defer { store.close() }
            try body(store)
        }
    }
}

/// Checks that the run has the PostgreSQL server it demands.
struct PostgresRequirementTests {
    @Test(.enabled(if: PostgresTestDatabase.isRequired))
    func postgresURLIsSetWhenRequired() {
        #expect(
            PostgresTestDatabase.isConfigured,
            """
            DOORMAN_REQUIRE_POSTGRES=1 but DOORMAN_TEST_POSTGRES_URL is empty; start a server with \
            scripts/postgres-test-cluster start DIR and export its URL
            """)
    }
}
