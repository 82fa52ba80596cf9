import DoormanStorage
import Synchronization
import Testing

struct MigratorTests {
    private static let threeMigrations = [
        Migration(version: 1, name: "create_log", sql: "CREATE TABLE log (entry INTEGER NOT NULL UNIQUE)"),
        Migration(version: 2, name: "log_two", sql: "INSERT INTO log VALUES (2)"),
        Migration(version: 3, name: "log_three", sql: "INSERT INTO log VALUES (3)"),
    ]

    private func recordedNames(_ connection: SQLiteConnection) throws -> [String] {
        try connection.query("SELECT name FROM schema_migrations ORDER BY version") { $0.string(at: 0) }
    }

    @Test func freshDatabaseGetsEveryMigration() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            let migrator = try Migrator(migrations: Self.threeMigrations)
            #expect(try migrator.pending(connection) == Self.threeMigrations)
            #expect(try migrator.currentVersion(connection) == 0)

            let summary = try migrator.migrate(connection, clock: { 1_700_000_000 })

            #expect(summary.applied == Self.threeMigrations)
            #expect(summary.currentVersion == 3)
            #expect(!summary.wasUpToDate)
            #expect(try recordedNames(connection) == ["create_log", "log_two", "log_three"])
            #expect(try connection.query("SELECT applied_at FROM schema_migrations") { $0.int64(at: 0) }
                == [1_700_000_000, 1_700_000_000, 1_700_000_000])
            #expect(try connection.query("SELECT entry FROM log ORDER BY entry") { $0.int(at: 0) } == [2, 3])
            #expect(try migrator.pending(connection).isEmpty)
        }
    }

    @Test func upToDateDatabaseAppliesNothing() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            let migrator = try Migrator(migrations: Self.threeMigrations)
            try migrator.migrate(connection)

            let summary = try migrator.migrate(connection)

            #expect(summary.applied.isEmpty)
            #expect(summary.wasUpToDate)
            #expect(summary.currentVersion == 3)
            #expect(try connection.query("SELECT entry FROM log") { $0.int(at: 0) }.count == 2)
        }
    }

    @Test func laterMigrationsApplyIncrementally() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try Migrator(migrations: Array(Self.threeMigrations.prefix(1))).migrate(connection)

            let summary = try Migrator(migrations: Self.threeMigrations).migrate(connection)

            #expect(summary.applied.map(\.version) == [2, 3])
        }
    }

    @Test func newerDatabaseIsRejected() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try Migrator(migrations: Self.threeMigrations).migrate(connection)
            let older = try Migrator(migrations: Array(Self.threeMigrations.prefix(2)))

            let expected = MigrationError.databaseNewerThanCode(path: path, recordedVersion: 3, latestKnownVersion: 2)
            #expect(throws: expected) { try older.migrate(connection) }
            #expect(throws: expected) { try older.pending(connection) }
        }
    }

    @Test func changedNameIsRejected() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try Migrator(migrations: Self.threeMigrations).migrate(connection)
            var changed = Self.threeMigrations
            changed[1] = Migration(version: 2, name: "log_two_renamed", sql: "INSERT INTO log VALUES (2)")

            let error = try #require(throws: MigrationError.self) {
                try Migrator(migrations: changed).migrate(connection)
            }

            #expect(
                error == .changedMigration(
                    path: path, version: 2, recordedName: "log_two", expectedName: "log_two_renamed"))
            #expect(error.description.contains("log_two_renamed"))
        }
    }

    @Test func gapBeforeRecordedVersionIsRejected() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try Migrator(migrations: [Self.threeMigrations[0], Self.threeMigrations[2]]).migrate(connection)

            let expected = MigrationError.missingMigration(
                path: path, version: 2, name: "log_two", laterRecordedVersion: 3)
            #expect(throws: expected) {
                try Migrator(migrations: Self.threeMigrations).migrate(connection)
            }
        }
    }

    @Test func unknownRecordedVersionIsRejected() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try Migrator(migrations: Array(Self.threeMigrations.prefix(2))).migrate(connection)

            #expect(throws: MigrationError.unknownRecordedVersion(path: path, version: 2, name: "log_two")) {
                try Migrator(migrations: [Self.threeMigrations[0], Self.threeMigrations[2]]).migrate(connection)
            }
        }
    }

    @Test func failedMigrationRollsBack() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            let broken = Migration(
                version: 2, name: "broken", sql: "CREATE TABLE extra (x INTEGER); INSERT INTO missing VALUES (1)")

            let error = try #require(throws: MigrationError.self) {
                try Migrator(migrations: [Self.threeMigrations[0], broken]).migrate(connection)
            }

            guard case let .migrationFailed(_, version, name, underlying) = error else {
                Issue.record("expected migrationFailed, got \(error)")
                return
            }
            #expect(version == 2)
            #expect(name == "broken")
            #expect(underlying.message.contains("no such table: missing"))
            #expect(try Migrator(migrations: Self.threeMigrations).currentVersion(connection) == 1)
            let extraTables = try connection.query("SELECT name FROM sqlite_master WHERE name = 'extra'") {
                $0.string(at: 0)
            }
            #expect(extraTables.isEmpty)
        }
    }

    @Test(arguments: [
        [Migration(version: 0, name: "zero", sql: "")],
        [Migration(version: 2, name: "b", sql: ""), Migration(version: 1, name: "a", sql: "")],
        [Migration(version: 1, name: "a", sql: ""), Migration(version: 1, name: "again", sql: "")],
        [Migration(version: 1, name: "", sql: "")],
    ])
    func invalidListIsRejected(migrations: [Migration]) {
        #expect(throws: MigrationError.self) { try Migrator(migrations: migrations) }
    }

    @Test func racingMigratorsApplyEachOnce() throws {
        try withTemporaryDatabasePath { path in
            let summaries = Mutex<[MigrationSummary]>([])

            let errors = runOnThreads(count: 2) { _ in
                let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: 1))
                let summary = try Migrator(migrations: Self.threeMigrations).migrate(database)
                summaries.withLock { $0.append(summary) }
            }

            #expect(errors.isEmpty, "\(errors)")
            let applied = summaries.withLock { $0.flatMap(\.applied).map(\.version) }
            #expect(applied.sorted() == [1, 2, 3])
            let connection = try SQLiteConnection(path: path)
            #expect(try connection.query("SELECT entry FROM log ORDER BY entry") { $0.int(at: 0) } == [2, 3])
            #expect(try recordedNames(connection) == ["create_log", "log_two", "log_three"])
        }
    }
}

struct SQLiteMigrationsTests {
    @Test func doormanSchemaAppliesToFreshDatabase() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path)
            let migrator = SQLiteMigrations.migrator()

            let summary = try migrator.migrate(database)

            #expect(
                summary.applied.map(\.name) == [
                    "create_metadata", "create_doorman_tables", "add_refresh_token_rotation",
                    "create_rate_limits",
                ])
            #expect(summary.currentVersion == SQLiteMigrations.all.last?.version)
            #expect(try migrator.pending(database).isEmpty)
            #expect(try migrator.migrate(database).wasUpToDate)
        }
    }
}
