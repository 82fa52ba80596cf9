#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Queries on the `schema_migrations` table, which records one row per applied migration.
enum MigrationTable {
    static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at INTEGER NOT NULL
            )
            """)
    }

    /// Returns the recorded migrations in ascending version order, or none when the table does not exist yet.
    static func recorded(_ connection: SQLiteConnection) throws -> [AppliedMigration] {
        let exists = try connection.queryFirst(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ) { _ in true }
        guard exists == true else {
            return []
        }

        return try connection.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version") {
            AppliedMigration(version: $0.int(at: 0), name: $0.string(at: 1), appliedAt: $0.int64(at: 2))
        }
    }

    static func record(_ migration: Migration, appliedAt: Int64, _ connection: SQLiteConnection) throws {
        try connection.run(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            [SQLiteValue(migration.version), .text(migration.name), .integer(appliedAt)])
    }

    /// Current time in whole seconds since 1970-01-01 UTC.
    static func secondsSince1970() -> Int64 {
        Int64(time(nil))
    }
}
