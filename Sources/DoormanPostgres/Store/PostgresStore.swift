import DoormanOAuth
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `DoormanStore` on a PostgreSQL database, through a `PostgresDatabase` pool.
///
/// Every method maps the PostgreSQL layer's errors to `StoreError`. Reads run in autocommit mode and run again
/// after a lost connection. Methods that change several rows do so in one transaction at PostgreSQL's default
/// READ COMMITTED isolation. There a conditional UPDATE waits for a concurrent writer of its row and then
/// re-checks its condition on the newest row version, so single-use records are consumed once across instances.
public final class PostgresStore: DoormanStore {
    /// The database the store reads and writes. Its schema must be migrated to `PostgresMigrations.all`.
    public let database: PostgresDatabase

    /// Creates a store on `database`, whose schema the caller has migrated already.
    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// Opens a pool with `configuration`, applies pending migrations, and returns a store on it.
    ///
    /// Throws `PostgresError` when the server cannot be reached and `PostgresMigrationError` when the schema
    /// cannot be brought up to date.
    public static func open(configuration: PostgresConfiguration, logger: Logger = Logger(label: "doorman.postgres"))
        throws -> PostgresStore
    {
        let database = try PostgresDatabase(configuration: configuration, logger: logger)
        try PostgresMigrations.migrator().migrate(database, now: { UnixTime.now() })
        return PostgresStore(database: database)
    }

    /// Closes the pool, as `PostgresDatabase.close()` does. Calls that follow throw `StoreError.unavailable`.
    public func close() {
        database.close()
    }

    /// Runs `body`, which only reads, and maps any error it throws to `StoreError`.
    func read<T>(_ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw StoreError(postgres: error)
        }
    }

    /// Runs `body` once on a pooled connection in autocommit mode, with no retry, and maps any error to `StoreError`.
    ///
    /// This suits one statement that is its own transaction and must not run twice, such as adding rate-limit hits:
    /// it saves BEGIN and COMMIT, and an error after the statement was sent is thrown, never retried.
    func runOnce<T>(_ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try database.withConnection(body)
        } catch {
            throw StoreError(postgres: error)
        }
    }

    /// Runs `body` as `PostgresDatabase.repeatableStatement` does, possibly more than once, and maps any error it
    /// throws to `StoreError`.
    func repeatable<T>(_ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try database.repeatableStatement(body)
        } catch {
            throw StoreError(postgres: error)
        }
    }

    /// Runs `body` in a transaction and maps any error it throws to `StoreError`.
    ///
    /// Pass `idempotent` when running `body` twice leaves the same rows as running it once. The transaction may then
    /// run again when the connection broke while COMMIT was in flight.
    @discardableResult
    func transaction<T>(idempotent: Bool = false, _ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try database.transaction(idempotent: idempotent, body)
        } catch {
            throw StoreError(postgres: error)
        }
    }

    /// Runs a transaction that inserts or updates rows, and names the missing record when a foreign key rejects it.
    ///
    /// This checks each of `references` after the failure and reports the first that does not exist, so the
    /// message names the record as `SQLiteStore` does.
    @discardableResult
    func write<T>(
        references: [PostgresReference], idempotent: Bool = false, _ body: (PostgresConnection) throws -> T
    ) throws(StoreError) -> T {
        do {
            return try transaction(idempotent: idempotent, body)
        } catch .missingReference(let detail) {
            throw .missingReference(try firstMissing(references) ?? detail)
        }
    }

    private func firstMissing(_ references: [PostgresReference]) throws(StoreError) -> String? {
        try read { connection in
            for reference in references where try !reference.exists(in: connection) {
                return reference.description
            }
            return nil
        }
    }
}

/// A record that a new row refers to, such as the product of a plan, for naming it when it is missing.
struct PostgresReference: CustomStringConvertible {
    /// The record type in words, such as "user" or "product".
    let kind: String
    /// The table that contains the record.
    let table: String
    /// The unique column the reference points at.
    let column: String
    /// The value the new row carries.
    let value: String

    /// Creates a reference to the row of `table` whose `column` is `value`; the column defaults to `id`.
    init(_ kind: String, table: String, column: String = "id", value: String) {
        self.kind = kind
        self.table = table
        self.column = column
        self.value = value
    }

    /// The kind and the value, such as `product prod_abc`.
    var description: String {
        "\(kind) \(value)"
    }

    /// Returns whether the referenced row exists.
    func exists(in connection: PostgresConnection) throws -> Bool {
        // Table and column come from this module's constants, never from input, so interpolating them is safe.
        try !connection.query("SELECT 1 FROM \(table) WHERE \(column) = $1", [value]).isEmpty
    }
}

/// The system clock in Unix seconds, for the records that migrations write.
enum UnixTime {
    static func now() -> Int64 {
        Int64(time(nil))
    }
}
