/// Doorman's schema, as the ordered list of every migration ever released.
///
/// Append new migrations at the end with the next version. Never edit, rename, reorder or remove a released
/// one: databases record each version's name, and `Migrator` rejects a database whose record differs.
/// Tables use STRICT, which needs SQLite 3.37 or later.
public enum SQLiteMigrations {
    /// Every migration, in ascending version order.
    public static let all: [Migration] = [
        Migration(
            version: 1,
            name: "create_metadata",
            sql: """
                CREATE TABLE metadata (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) STRICT, WITHOUT ROWID;
                """),
        Migration(version: 2, name: "create_doorman_tables", sql: doormanTables),
        Migration(version: 3, name: "add_refresh_token_rotation", sql: refreshTokenRotation),
        Migration(version: 4, name: "create_rate_limits", sql: rateLimitTable),
    ]

    /// Returns a migrator for `all`.
    public static func migrator() -> Migrator {
        do {
            return try Migrator(migrations: all)
        } catch {
            preconditionFailure("Doorman's own migration list is invalid: \(error)")
        }
    }
}
