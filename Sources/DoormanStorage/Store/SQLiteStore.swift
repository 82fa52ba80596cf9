import DoormanOAuth

/// `DoormanStore` on one SQLite database file, through a pool of connections.
///
/// Every method checks a connection out of the pool for its duration and maps SQLite's errors to
/// `StoreError`. Methods that change several rows do so in one `BEGIN IMMEDIATE` transaction, which
/// SQLite serializes across every connection and every process that opens the file.
public final class SQLiteStore: DoormanStore {
    /// The database the store reads and writes. Its schema must be migrated to `SQLiteMigrations.all`.
    public let database: SQLiteDatabase

    /// Creates a store on `database`, whose schema the caller has migrated already.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// Opens or creates the database file at `path`, applies pending migrations, and returns a store on it.
    ///
    /// The directory of `path` must exist (see `DatabaseLocation`). Throws `SQLiteError` when the file cannot
    /// be opened and `MigrationError` when the schema cannot be brought up to date.
    public static func open(path: String, poolSize: Int = SQLiteConfiguration().poolSize) throws -> SQLiteStore {
        let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: poolSize))
        try SQLiteMigrations.migrator().migrate(database)
        return SQLiteStore(database: database)
    }

    /// Closes the database, as `SQLiteDatabase.close()` does. Calls that follow throw `StoreError.unavailable`.
    public func close() throws(SQLiteDatabaseError) {
        try database.close()
    }

    /// Runs `body` on a pooled connection and maps any error it throws to `StoreError`.
    @discardableResult
    func withConnection<T>(_ body: (SQLiteConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try database.withConnection(body)
        } catch {
            throw StoreError(storing: error)
        }
    }

    /// Runs `body` in a write transaction on the connection kept for writes, and maps any error it throws to
    /// `StoreError`. Every write of the store goes through here or `groupedTransaction`.
    @discardableResult
    func transaction<T>(_ body: (SQLiteConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try database.transaction(body)
        } catch {
            throw StoreError(storing: error)
        }
    }

    /// Runs `body` as `SQLiteDatabase.groupedTransaction(_:)` does, possibly committed together with other
    /// callers' bodies, and maps any error it throws to `StoreError`.
    func groupedTransaction<T>(_ body: (SQLiteConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try database.groupedTransaction(body)
        } catch {
            throw StoreError(storing: error)
        }
    }

    /// Runs an INSERT or UPDATE and names the missing record when a foreign key rejects it.
    ///
    /// SQLite's foreign key error does not say which key failed, so after the failure this checks each of
    /// `references` and reports the first that does not exist.
    @discardableResult
    func write<T>(
        references: [RecordReference], _ body: (SQLiteConnection) throws -> T
    ) throws(StoreError) -> T {
        do {
            return try transaction(body)
        } catch .missingReference(let detail) {
            throw .missingReference(try firstMissing(references) ?? detail)
        }
    }

    private func firstMissing(_ references: [RecordReference]) throws(StoreError) -> String? {
        try withConnection { connection in
            for reference in references where try !reference.exists(in: connection) {
                return reference.description
            }
            return nil
        }
    }
}
