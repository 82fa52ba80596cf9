/// One schema change of a PostgreSQL database, applied once and recorded in its `schema_migrations` table.
public struct PostgresMigration: Sendable, Equatable {
    /// Position in the migration list: positive and strictly increasing.
    public let version: Int
    /// Short snake_case name. Once released it must never change, because databases record it.
    public let name: String
    /// SQL run inside the migration's transaction. It must not contain BEGIN, COMMIT or ROLLBACK.
    public let sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Doorman's PostgreSQL schema, as the ordered list of every migration ever released.
///
/// Versions and names match `SQLiteMigrations` one to one, so both engines report the same schema version.
/// Append new migrations at the end. Never edit, rename, reorder or remove a released one.
public enum PostgresMigrations {
    /// Every migration, in ascending version order.
    public static let all: [PostgresMigration] = [
        PostgresMigration(
            version: 1,
            name: "create_metadata",
            sql: """
                CREATE TABLE metadata (
                    key text PRIMARY KEY,
                    value text NOT NULL
                );
                """),
        PostgresMigration(version: 2, name: "create_doorman_tables", sql: doormanTables),
        PostgresMigration(version: 3, name: "add_refresh_token_rotation", sql: refreshTokenRotation),
        PostgresMigration(version: 4, name: "create_rate_limits", sql: rateLimitTable),
    ]

    /// Returns a migrator for `all`.
    public static func migrator() -> PostgresMigrator {
        PostgresMigrator(migrations: all)
    }
}
