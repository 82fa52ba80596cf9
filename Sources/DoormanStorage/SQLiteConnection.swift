import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One open SQLite database connection, with Doorman's pragmas applied and a cache of prepared statements.
///
/// Ownership: a connection is used by one thread at a time. It is opened with `SQLITE_OPEN_NOMUTEX`, so SQLite
/// does not serialize calls on it. The type is deliberately not `Sendable`. Inside the server, connections come
/// from `SQLiteDatabase.withConnection(_:)`, whose pool hands each one to a single thread for the closure only.
public final class SQLiteConnection {
    /// Path of the database file.
    public let path: String

    let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    /// Nesting depth of `transaction` and `readTransaction` calls, 0 outside any transaction.
    var transactionDepth = 0
    /// Whether the outermost running transaction is a write transaction.
    var outerTransactionWrites = false

    /// Maximum number of cached statements. Beyond it, new SQL texts are prepared and finalized on each use.
    public static let statementCacheCapacity = 256

    /// Opens or creates the database at `path` and applies the pragmas every Doorman connection uses.
    ///
    /// The pragmas are `journal_mode=WAL`, `synchronous=NORMAL` and `foreign_keys=ON`, plus a busy timeout
    /// that makes a connection wait up to `busyTimeout` for another connection's lock instead of failing.
    /// The parent directory must exist already (see `DatabaseLocation`).
    ///
    /// With `automaticCheckpoints` false, commits never copy the write-ahead log into the database file;
    /// something else must run `PRAGMA wal_checkpoint`, as `SQLiteDatabase`'s checkpoint thread does.
    public init(path: String, busyTimeout: Duration = .milliseconds(5000), automaticCheckpoints: Bool = true)
        throws(SQLiteError)
    {
        self.path = path
        handle = try Self.open(path: path)

        // Every stored property is set, so if this throws, deinit runs and closes the handle.
        try configure(busyTimeout: busyTimeout)
        if !automaticCheckpoints {
            // The log file is cut back to this size whenever it starts over, so a burst leaves no huge file.
            try execute("PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=\(Self.logSizeLimitBytes)")
        }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    private static func open(path: String) throws(SQLiteError) -> OpaquePointer {
        var database: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &database, flags, nil)
        guard result == SQLITE_OK, let database else {
            let error = SQLiteError(result: result, database: database, sql: nil, path: path)
            sqlite3_close_v2(database)
            throw SQLiteError(
                code: error.code, extendedCode: error.extendedCode,
                message: "cannot open database file \(path): \(error.message); check that the directory exists "
                    + "and that this user may write to it",
                sql: nil, path: path)
        }
        sqlite3_extended_result_codes(database, 1)
        return database
    }

    private func configure(busyTimeout: Duration) throws(SQLiteError) {
        // The busy timeout comes first: switching to WAL needs a lock that another process may hold.
        sqlite3_busy_timeout(handle, Int32(clamping: busyTimeout.wholeMilliseconds))
        try enableWriteAheadLog(busyTimeout: busyTimeout)
        try execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON")
        // A page cache large enough for the hot pages of the token tables keeps lookups off read(). A memory
        // map would save the copy too, but SQLite unmaps it whenever another connection has written, which
        // under a steady stream of code exchanges costs a TLB flush on every core per transaction.
        try execute("PRAGMA cache_size=-\(Self.pageCacheKibibytes)")
        // Growing the file in large steps keeps the file system's allocation work off most commits.
        var chunkBytes = Int32(Self.fileGrowthBytes)
        sqlite3_file_control(handle, "main", SQLITE_FCNTL_CHUNK_SIZE, &chunkBytes)
    }

    /// Size of each connection's page cache in KiB: 64 MiB, an upper bound that SQLite fills only as pages are
    /// read.
    static let pageCacheKibibytes = 65_536
    /// Size in bytes that the write-ahead log file is cut back to when it starts over: 64 MiB.
    static let logSizeLimitBytes = 64 << 20
    /// Step in which the database file grows: 8 MiB.
    static let fileGrowthBytes = 8 << 20

    /// Sets `journal_mode=WAL`, retrying while another connection holds a conflicting lock.
    ///
    /// The mode persists in the file, so usually it is already WAL and one query suffices. While two
    /// connections switch a new file at once, SQLite can return `SQLITE_BUSY` without calling the busy
    /// handler, because waiting could deadlock. Retrying until `busyTimeout` resolves that.
    private func enableWriteAheadLog(busyTimeout: Duration) throws(SQLiteError) {
        let sql = "PRAGMA journal_mode=WAL"
        let clock = ContinuousClock()
        let deadline = clock.now + busyTimeout
        var journalMode = ""
        while true {
            do {
                let statement = try prepareUncached(sql)
                _ = try statement.step()
                journalMode = statement.string(at: 0)
                break
            } catch where error.isBusy && clock.now < deadline {
                usleep(1000)
            }
        }

        guard journalMode.lowercased() == "wal" else {
            throw SQLiteError(
                code: SQLITE_ERROR, extendedCode: SQLITE_ERROR,
                message: "journal_mode is \(journalMode) after requesting WAL; WAL needs a local file system "
                    + "with shared memory support",
                sql: sql, path: path)
        }
    }

    /// Runs one or more SQL statements separated by semicolons, discarding any rows, for schema scripts.
    ///
    /// The statements are not cached. Use `run(_:_:)` or `withStatement(_:_:)` for statements with parameters.
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            let error = SQLiteError(result: result, database: handle, sql: sql, path: path)
            sqlite3_free(message)
            throw error
        }
    }

    /// Returns the cached statement for `sql`, reset and with every parameter NULL, preparing it on first use.
    ///
    /// The statement stays shared through the cache: finish with it before the next `prepare` of the same SQL
    /// on this connection, because that call resets it. `withStatement(_:_:)` has no such restriction.
    /// When the cache is full, or the cached statement is running inside `withStatement`, the result is a fresh
    /// statement that is finalized when released.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql], !cached.isInUse {
            cached.reset()
            return cached
        }

        let statement = try prepareUncached(sql)
        if statements[sql] == nil, statements.count < Self.statementCacheCapacity {
            statements[sql] = statement
        }
        return statement
    }

    /// Runs `body` with the prepared statement for `sql` and resets the statement afterwards, even on error.
    ///
    /// Nested use of the same SQL is safe: the inner call gets its own statement.
    @discardableResult
    public func withStatement<T, E: Error>(
        _ sql: String, _ body: (SQLiteStatement) throws(E) -> T
    ) throws -> T {
        let statement = try prepare(sql)
        statement.isInUse = true
        defer {
            statement.reset()
            statement.isInUse = false
        }
        return try body(statement)
    }

    private func prepareUncached(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let result = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard result == SQLITE_OK else {
            throw SQLiteError(result: result, database: handle, sql: sql, path: path)
        }
        guard let statement else {
            // SQLite returns no statement for text that contains only whitespace or comments.
            throw SQLiteError(
                code: SQLITE_MISUSE, extendedCode: SQLITE_MISUSE, message: "SQL text contains no statement",
                sql: sql, path: path)
        }
        return SQLiteStatement(handle: statement, sql: sql, path: path)
    }

    /// Number of statements currently in the prepared-statement cache.
    public var cachedStatementCount: Int {
        statements.count
    }

    /// Row id of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// Number of rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int {
        Int(sqlite3_changes64(handle))
    }

    /// Whether a transaction is open on this connection, whether begun by this layer or by raw SQL.
    public var isInTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }
}

/// Connections are confined to one thread at a time, so the compiler must not let them cross threads freely.
@available(*, unavailable)
extension SQLiteConnection: Sendable {}

extension Duration {
    /// The duration in whole milliseconds, rounded toward zero.
    var wholeMilliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
