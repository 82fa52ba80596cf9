/// Applies an ordered list of migrations to the current schema of a PostgreSQL database and records them in its
/// `schema_migrations` table.
///
/// A database's recorded migrations must be a prefix of the list with the same names; anything else throws
/// `PostgresMigrationError` before any change. Each migration runs in its own transaction, which first takes a
/// transaction-scoped advisory lock on the schema and then re-reads `schema_migrations`. So when several instances
/// start at once, exactly one applies each migration, and the others wait for the lock and find it recorded.
public struct PostgresMigrator: Sendable {
    /// Migrations in ascending version order.
    public let migrations: [PostgresMigration]

    /// The first key of the advisory lock, an arbitrary constant ("DOOR" in ASCII) that other applications on the
    /// same database are unlikely to use. The second key is a hash of the schema name.
    static let lockKey: Int32 = 0x444F_4F52

    /// Creates a migrator. Versions must be positive and strictly increasing, which is checked by a precondition
    /// because the list is part of the program.
    public init(migrations: [PostgresMigration]) {
        let versions = migrations.map(\.version)
        precondition(versions == versions.sorted() && Set(versions).count == versions.count, "versions must increase")
        precondition(versions.allSatisfy { $0 > 0 }, "versions must be positive")
        self.migrations = migrations
    }

    /// Highest version in the list, or 0 when the list is empty.
    public var latestVersion: Int {
        migrations.last?.version ?? 0
    }

    /// Applies every pending migration in order, each in its own transaction, and returns the migrations it applied.
    ///
    /// A transaction whose COMMIT outcome is unknown may run again, because it re-reads `schema_migrations` first.
    @discardableResult
    public func migrate(_ database: PostgresDatabase, now: () -> Int64) throws -> [PostgresMigration] {
        var applied: [PostgresMigration] = []
        while true {
            let next = try database.transaction(idempotent: true) { connection in
                try applyNext(connection, now: now())
            }
            guard let next else {
                return applied
            }
            applied.append(next)
        }
    }

    /// Reads the recorded migrations and checks them against the list without applying any.
    ///
    /// Returns the highest recorded version and how many migrations of the list are not applied yet. Throws
    /// `PostgresMigrationError` where `migrate` would refuse the schema, and the connection's errors.
    public func status(_ database: PostgresDatabase) throws -> (schemaVersion: Int, pendingCount: Int) {
        let recorded = try database.read { connection in try Self.recorded(connection) }
        let appliedCount = try validate(recorded)
        return (recorded.last?.version ?? 0, migrations.count - appliedCount)
    }

    /// Returns the highest recorded version, or 0 for a database without migrations. Does not validate.
    public func currentVersion(_ database: PostgresDatabase) throws -> Int {
        try database.read { connection in try Self.recorded(connection).last?.version ?? 0 }
    }

    private func applyNext(_ connection: PostgresConnection, now: Int64) throws -> PostgresMigration? {
        _ = try connection.query(
            "SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))", [Int(Self.lockKey)])
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at bigint NOT NULL
            )
            """)
        let appliedCount = try validate(try Self.recorded(connection))
        guard appliedCount < migrations.count else {
            return nil
        }

        let migration = migrations[appliedCount]
        do {
            try connection.execute(migration.sql)
            try connection.run(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                [migration.version, migration.name, now])
        } catch {
            throw PostgresMigrationError.migrationFailed(
                version: migration.version, name: migration.name, underlying: error)
        }
        return migration
    }

    /// Returns the recorded migrations in ascending version order, or none when the table does not exist yet.
    static func recorded(_ connection: PostgresConnection) throws -> [(version: Int, name: String)] {
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL")
        guard try exists.first?.bool(at: 0) == true else {
            return []
        }
        return try connection.query("SELECT version, name FROM schema_migrations ORDER BY version").map { row in
            (try row.int(at: 0), try row.string(at: 1))
        }
    }

    /// Checks that `recorded` is a prefix of `migrations` with equal names, and returns its length.
    private func validate(_ recorded: [(version: Int, name: String)]) throws(PostgresMigrationError) -> Int {
        if let newest = recorded.last, newest.version > latestVersion {
            throw .databaseNewerThanCode(recordedVersion: newest.version, latestKnownVersion: latestVersion)
        }
        for (index, record) in recorded.enumerated() {
            let expected = migrations[index]
            if record.version > expected.version {
                throw .missingMigration(
                    version: expected.version, name: expected.name, laterRecordedVersion: record.version)
            }
            if record.version < expected.version {
                throw .unknownRecordedVersion(version: record.version, name: record.name)
            }
            if record.name != expected.name {
                throw .changedMigration(version: record.version, recordedName: record.name, expectedName: expected.name)
            }
        }
        return recorded.count
    }
}

/// A recorded schema that this build cannot migrate, or a migration that failed and was rolled back.
public enum PostgresMigrationError: Error, Sendable, CustomStringConvertible {
    /// The database records a version newer than this build contains: it was migrated by a newer build.
    case databaseNewerThanCode(recordedVersion: Int, latestKnownVersion: Int)
    /// The database records a version that this build's list does not contain.
    case unknownRecordedVersion(version: Int, name: String)
    /// The database records a different name for a version than this build, so the migration was changed.
    case changedMigration(version: Int, recordedName: String, expectedName: String)
    /// A migration is missing from the database although a later one was applied.
    case missingMigration(version: Int, name: String, laterRecordedVersion: Int)
    /// The migration's SQL or its record failed, so its transaction was rolled back.
    case migrationFailed(version: Int, name: String, underlying: any Error)

    /// A sentence naming the failure and what to do.
    public var description: String {
        switch self {
        case .databaseNewerThanCode(let recorded, let latest):
            "the database is at schema version \(recorded) but this build knows only up to \(latest); "
                + "run a newer build or restore a backup made for this one"
        case .unknownRecordedVersion(let version, let name):
            "the database records migration \(version) \"\(name)\" that this build does not contain; "
                + "it was migrated by a different build"
        case .changedMigration(let version, let recorded, let expected):
            "the database records migration \(version) as \"\(recorded)\" but this build names it \"\(expected)\"; "
                + "released migrations must not change, so add a new migration instead"
        case .missingMigration(let version, let name, let later):
            "the database lacks migration \(version) \"\(name)\" although migration \(later) was applied; "
                + "migrations must be applied in order, so restore a backup or apply it by hand"
        case .migrationFailed(let version, let name, let underlying):
            "migration \(version) \"\(name)\" failed and was rolled back: \(underlying)"
        }
    }
}
