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

    /// A snapshot of the connection pool's use, in the same terms for both stores.
    var poolStatistics: ConnectionPoolStatistics {
        switch self {
        case .sqlite(let database): database.poolStatistics
        case .postgres(let database): database.poolStatistics
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
