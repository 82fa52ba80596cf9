/// One schema change, applied once per database and recorded in the `schema_migrations` table.
public struct Migration: Sendable, Equatable {
    /// Position in the migration list: positive and strictly increasing.
    public let version: Int
    /// Short snake_case name. Once released it must never change, because databases record it.
    public let name: String
    /// SQL script run inside the migration's transaction. It must not contain BEGIN, COMMIT or ROLLBACK.
    public let sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// A migration as recorded in a database's `schema_migrations` table.
public struct AppliedMigration: Sendable, Equatable {
    /// Version of the migration.
    public let version: Int
    /// Name recorded when the migration was applied.
    public let name: String
    /// When the migration was applied, in seconds since 1970-01-01 UTC.
    public let appliedAt: Int64

    /// Creates a record.
    public init(version: Int, name: String, appliedAt: Int64) {
        self.version = version
        self.name = name
        self.appliedAt = appliedAt
    }
}

/// Result of `Migrator.migrate`.
public struct MigrationSummary: Sendable, Equatable {
    /// Migrations applied by this run, in order, or empty when the database was already up to date.
    public let applied: [Migration]
    /// Highest applied version after this run, or 0 for a database without migrations.
    public let currentVersion: Int

    /// Creates a summary.
    public init(applied: [Migration], currentVersion: Int) {
        self.applied = applied
        self.currentVersion = currentVersion
    }

    /// Whether the run found nothing to apply.
    public var wasUpToDate: Bool {
        applied.isEmpty
    }
}

/// Failure that stops migrations on a database, or a rule broken by the migration list itself.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The migration list breaks a rule: versions positive and strictly increasing, names non-empty.
    case invalidList(reason: String)
    /// The database records a version newer than this build contains: it was migrated by a newer build.
    case databaseNewerThanCode(path: String, recordedVersion: Int, latestKnownVersion: Int)
    /// The database records a version that this build's list does not contain.
    case unknownRecordedVersion(path: String, version: Int, name: String)
    /// The database records a different name for a version than this build, so the migration was changed.
    case changedMigration(path: String, version: Int, recordedName: String, expectedName: String)
    /// A migration is missing from the database although a later one was applied.
    case missingMigration(path: String, version: Int, name: String, laterRecordedVersion: Int)
    /// The migration's SQL or its bookkeeping failed, so its transaction was rolled back.
    case migrationFailed(path: String, version: Int, name: String, underlying: SQLiteError)

    /// A sentence naming the failure, the database and what to do.
    public var description: String {
        switch self {
        case let .invalidList(reason):
            "invalid migration list: \(reason)"
        case let .databaseNewerThanCode(path, recorded, latest):
            "database \(path) is at schema version \(recorded) but this build knows only up to \(latest); "
                + "run a newer build or restore a backup made for this one"
        case let .unknownRecordedVersion(path, version, name):
            "database \(path) records migration \(version) \"\(name)\" that this build does not contain; "
                + "it was migrated by a different build"
        case let .changedMigration(path, version, recorded, expected):
            "database \(path) records migration \(version) as \"\(recorded)\" but this build names it "
                + "\"\(expected)\"; released migrations must not change, so add a new migration instead"
        case let .missingMigration(path, version, name, later):
            "database \(path) lacks migration \(version) \"\(name)\" although migration \(later) was applied; "
                + "migrations must be applied in order, so restore a backup or apply it by hand"
        case let .migrationFailed(path, version, name, underlying):
            "migration \(version) \"\(name)\" failed on database \(path) and was rolled back: \(underlying)"
        }
    }
}
