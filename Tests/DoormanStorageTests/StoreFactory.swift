import DoormanOAuth
import DoormanStorage
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

    /// Every store the conformance tests cover.
    static let all: [StoreFactory] = [.sqlite, .cachedSQLite]

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
}
