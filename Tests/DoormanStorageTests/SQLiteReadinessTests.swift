import DoormanOAuth
import DoormanStorage
import Testing

/// `SQLiteStore.readiness()` for each way a database can disagree with this build's migrations.
struct SQLiteReadinessTests {
    private let latest = SQLiteMigrations.migrator().latestVersion

    @Test func migrationsBehindAfterLastRowRemoved() throws {
        try withTemporaryDatabasePath { path in
            let store = try SQLiteStore.open(path: path)
            defer { try? store.close() }
            try store.database.withConnection { connection in
                try connection.run("DELETE FROM schema_migrations WHERE version = ?", [.integer(Int64(latest))])
            }

            #expect(try store.readiness() == .migrationsBehind(schemaVersion: latest - 1, expectedVersion: latest))
        }
    }

    @Test func emptyDatabaseIsBehind() throws {
        try withTemporaryDatabasePath { path in
            let store = SQLiteStore(database: try SQLiteDatabase(path: path))
            defer { try? store.close() }

            #expect(try store.readiness() == .migrationsBehind(schemaVersion: 0, expectedVersion: latest))
        }
    }

    @Test func migrationsAheadWithNewerRow() throws {
        try withTemporaryDatabasePath { path in
            let store = try SQLiteStore.open(path: path)
            defer { try? store.close() }
            try store.database.withConnection {
                try $0.run(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from_a_newer_build', 0)",
                    [.integer(Int64(latest + 1))])
            }

            #expect(try store.readiness() == .migrationsAhead(schemaVersion: latest + 1, expectedVersion: latest))
        }
    }

    @Test func renamedMigrationIsMismatched() throws {
        try withTemporaryDatabasePath { path in
            let store = try SQLiteStore.open(path: path)
            defer { try? store.close() }
            try store.database.withConnection { connection in
                try connection.run("UPDATE schema_migrations SET name = 'renamed' WHERE version = 1")
            }

            let readiness = try store.readiness()
            guard case .migrationsMismatched(let detail) = readiness else {
                Issue.record("expected migrationsMismatched, got \(readiness)")
                return
            }
            #expect(detail.contains("renamed"))
        }
    }

    @Test func closedDatabaseIsUnavailable() throws {
        try withTemporaryDatabasePath { path in
            let store = try SQLiteStore.open(path: path)
            try store.close()

            #expect(throws: StoreError.unavailable(SQLiteDatabaseError.closed(path: path).description)) {
                try store.readiness()
            }
        }
    }
}
