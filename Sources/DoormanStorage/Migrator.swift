/// Applies an ordered list of migrations to a database and records them in `schema_migrations`.
///
/// A database's recorded migrations must be a prefix of the list, with the same names. Anything else is
/// rejected with a `MigrationError` before any change: a newer schema, an unknown version, a renamed
/// migration, or a gap.
public struct Migrator: Sendable {
    /// Migrations in ascending version order.
    public let migrations: [Migration]

    /// Creates a migrator after checking that versions are positive and strictly increasing and names non-empty.
    public init(migrations: [Migration]) throws(MigrationError) {
        var previous = 0
        for migration in migrations {
            guard migration.version > previous else {
                throw .invalidList(
                    reason: "version \(migration.version) \"\(migration.name)\" must be greater than \(previous)")
            }
            guard !migration.name.isEmpty else {
                throw .invalidList(reason: "version \(migration.version) has an empty name")
            }
            previous = migration.version
        }
        self.migrations = migrations
    }

    /// Highest version in the list, or 0 when the list is empty.
    public var latestVersion: Int {
        migrations.last?.version ?? 0
    }

    /// Applies every pending migration in order, each in its own write transaction, and returns what it applied.
    ///
    /// Each transaction takes the write lock with `BEGIN IMMEDIATE` and then re-reads `schema_migrations`, so two
    /// processes starting at once apply each migration exactly once.
    @discardableResult
    public func migrate(_ connection: SQLiteConnection) throws -> MigrationSummary {
        try migrate(connection, clock: MigrationTable.secondsSince1970)
    }

    /// Applies every pending migration like `migrate(_:)`, taking `applied_at` from `clock` in Unix seconds.
    @discardableResult
    public func migrate(_ connection: SQLiteConnection, clock: () -> Int64) throws -> MigrationSummary {
        var applied: [Migration] = []
        while let migration = try connection.transaction({ try applyNext($0, now: clock()) }) {
            applied.append(migration)
        }
        return MigrationSummary(applied: applied, currentVersion: try currentVersion(connection))
    }

    /// Applies every pending migration on a pooled connection, as `migrate(_:)` does.
    @discardableResult
    public func migrate(_ database: SQLiteDatabase) throws -> MigrationSummary {
        try database.withConnection { connection in try migrate(connection) }
    }

    /// Returns the migrations not yet applied, after checking the recorded ones as `migrate` does.
    public func pending(_ connection: SQLiteConnection) throws -> [Migration] {
        try connection.readTransaction { connection in
            let recorded = try MigrationTable.recorded(connection)
            return Array(migrations.dropFirst(try validate(recorded, path: connection.path)))
        }
    }

    /// Returns the migrations not yet applied, using a pooled connection.
    public func pending(_ database: SQLiteDatabase) throws -> [Migration] {
        try database.withConnection { connection in try pending(connection) }
    }

    /// Returns the highest recorded version, or 0 for a database without migrations. Does not validate.
    public func currentVersion(_ connection: SQLiteConnection) throws -> Int {
        try connection.readTransaction { connection in
            try MigrationTable.recorded(connection).last?.version ?? 0
        }
    }

    /// Returns the highest recorded version using a pooled connection.
    public func currentVersion(_ database: SQLiteDatabase) throws -> Int {
        try database.withConnection { connection in try currentVersion(connection) }
    }

    /// Applies the first pending migration and returns it, or returns nil when none is pending.
    private func applyNext(_ connection: SQLiteConnection, now: Int64) throws -> Migration? {
        try MigrationTable.create(connection)
        let recorded = try MigrationTable.recorded(connection)
        let appliedCount = try validate(recorded, path: connection.path)
        guard appliedCount < migrations.count else {
            return nil
        }

        let migration = migrations[appliedCount]
        do {
            try connection.execute(migration.sql)
            try MigrationTable.record(migration, appliedAt: now, connection)
        } catch let error as SQLiteError {
            throw MigrationError.migrationFailed(
                path: connection.path, version: migration.version, name: migration.name, underlying: error)
        }
        return migration
    }

    /// Checks that `recorded` is a prefix of `migrations` with equal names, and returns its length.
    private func validate(_ recorded: [AppliedMigration], path: String) throws(MigrationError) -> Int {
        if let newest = recorded.last, newest.version > latestVersion {
            throw .databaseNewerThanCode(path: path, recordedVersion: newest.version, latestKnownVersion: latestVersion)
        }

        for (index, record) in recorded.enumerated() {
            let expected = migrations[index]
            if record.version > expected.version {
                throw .missingMigration(
                    path: path, version: expected.version, name: expected.name, laterRecordedVersion: record.version)
            }
            if record.version < expected.version {
                throw .unknownRecordedVersion(path: path, version: record.version, name: record.name)
            }
            if record.name != expected.name {
                throw .changedMigration(
                    path: path, version: record.version, recordedName: record.name, expectedName: expected.name)
            }
        }
        return recorded.count
    }
}
