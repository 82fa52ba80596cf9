import DoormanOAuth
import DoormanPostgres
import DoormanStorage

/// The database that `--database-url` selects, opened and migrated: a SQLite file or a PostgreSQL server.
enum OpenedDatabase {
    /// A SQLite file with its pool and checkpoint thread.
    case sqlite(SQLiteDatabase)
    /// A pool of connections to a PostgreSQL server.
    case postgres(PostgresDatabase)

    /// A new store on the database.
    var store: any DoormanStore & StoreReadiness {
        switch self {
        case .sqlite(let database): SQLiteStore(database: database)
        case .postgres(let database): PostgresStore(database: database)
        }
    }

    /// The file path or the URL with its password replaced, for messages and logs.
    var location: String {
        switch self {
        case .sqlite(let database): database.path
        case .postgres(let database): database.redactedURL
        }
    }

    /// A snapshot of the connection pool's use, or nil where the store does not count it yet.
    var poolStatistics: SQLitePoolStatistics? {
        switch self {
        case .sqlite(let database): database.poolStatistics
        // TODO: count PostgresDatabase's checkouts, waits and timeouts, so that /metrics shows its pool.
        case .postgres: nil
        }
    }

    /// Returns the highest applied migration version.
    func schemaVersion() throws -> Int {
        switch self {
        case .sqlite(let database): try SQLiteMigrations.migrator().currentVersion(database)
        case .postgres(let database): try PostgresMigrations.migrator().currentVersion(database)
        }
    }

    /// Closes the database; for SQLite this also stops its checkpoint thread.
    func close() throws {
        switch self {
        case .sqlite(let database): try database.close()
        case .postgres(let database): database.close()
        }
    }
}
