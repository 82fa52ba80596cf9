import DoormanOAuth

/// Settings for `SQLiteDatabase` and its connections.
public struct SQLiteConfiguration: Sendable, Equatable {
    /// Maximum number of open connections, at least 1.
    public var poolSize: Int
    /// Maximum time that `withConnection` waits for a free connection before throwing `checkoutTimedOut`.
    public var checkoutTimeout: Duration
    /// Maximum time that a connection waits for another connection's lock before SQLite returns `SQLITE_BUSY`.
    public var busyTimeout: Duration
    /// Period of the background thread that copies the write-ahead log into the database file, or nil to let
    /// the commit that fills 1,000 pages of log do it, as SQLite does by default.
    ///
    /// That copy and its `fdatasync` otherwise run inside a write transaction, while every other writer waits.
    public var checkpointInterval: Duration?

    /// Creates a configuration. The defaults suit a server with a few worker threads.
    public init(
        poolSize: Int = 4, checkoutTimeout: Duration = .seconds(5), busyTimeout: Duration = .milliseconds(5000),
        checkpointInterval: Duration? = .milliseconds(200)
    ) {
        precondition(poolSize >= 1, "poolSize must be at least 1, got \(poolSize)")
        self.poolSize = poolSize
        self.checkoutTimeout = checkoutTimeout
        self.busyTimeout = busyTimeout
        self.checkpointInterval = checkpointInterval
    }
}

/// Failure to check out or close connections of an `SQLiteDatabase`.
public enum SQLiteDatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every connection stayed checked out for the whole checkout timeout.
    case checkoutTimedOut(path: String, poolSize: Int, timeout: Duration)
    /// The database was closed before or while the caller waited.
    case closed(path: String)
    /// `close()` gave up waiting for connections still checked out, which close when they are returned.
    case closeTimedOut(path: String, checkedOut: Int)

    /// A sentence naming the failure, the database and what to do.
    public var description: String {
        switch self {
        case let .checkoutTimedOut(path, poolSize, timeout):
            "timed out after \(timeout) waiting for a connection to \(path): all \(poolSize) are in use; "
                + "raise the pool size, or check for a caller that holds a connection too long or nests withConnection"
        case let .closed(path):
            "database \(path) is closed; open a new SQLiteDatabase to use it again"
        case let .closeTimedOut(path, checkedOut):
            "closing \(path) timed out with \(checkedOut) connections still in use; they close when returned"
        }
    }
}

/// A database file shared by threads through a bounded pool of `SQLiteConnection`s, and one more connection that
/// `transaction` and `groupedTransaction` keep for writes.
///
/// Ownership rule: a connection is owned by exactly one thread at a time. `withConnection(_:)` checks one out
/// under a lock, runs the closure on the calling thread, and returns the connection to the pool afterwards.
/// Callers never keep a connection, or a statement prepared on it, beyond the closure, and never call
/// `withConnection` again inside the closure: the nested call waits for a second connection and can time out.
/// The lock hand-off orders every use of a connection, which is why connections can skip SQLite's own mutex.
public final class SQLiteDatabase: @unchecked Sendable {
    /// Path of the database file.
    public let path: String
    /// Pool and timeout settings.
    public let configuration: SQLiteConfiguration

    private let condition = MonotonicCondition()
    /// Serializes this process's write transactions before they reach SQLite. Without it, a second writer
    /// thread meets SQLITE_BUSY and sleeps in SQLite's busy handler for whole milliseconds, while a mutex
    /// hands over within microseconds. Other processes on the same file still wait in the busy handler.
    let writerLock = TicketLock()
    /// Write transactions waiting to be committed together by `groupedTransaction(_:)`.
    let groupCommits = GroupCommitQueue()
    private let checkpointer: Checkpointer?
    /// The connection of `transaction` and `groupedTransaction`, opened on first use, outside the pool. Guarded by
    /// `writerLock`. Each connection has its own page cache, which SQLite drops when another connection has
    /// written since its last transaction, so with every write on this one connection its cache stays valid from
    /// one write to the next.
    private var writer: SQLiteConnection?
    // Guarded by `condition`:
    private var idleConnections: [SQLiteConnection]
    private var openCount = 0
    private var checkedOutCount = 0
    private var isClosed = false
    private var waitCount = 0
    private var timeoutCount = 0

    /// Opens the database at `path` with one connection, so that an invalid path fails here rather than later.
    public init(path: String, configuration: SQLiteConfiguration = SQLiteConfiguration()) throws {
        self.path = path
        self.configuration = configuration
        idleConnections = []
        idleConnections.reserveCapacity(configuration.poolSize)

        idleConnections.append(try Self.openConnection(path, configuration))
        openCount = 1
        let writerLock = self.writerLock
        checkpointer = configuration.checkpointInterval.map {
            Checkpointer(path: path, interval: $0, busyTimeout: configuration.busyTimeout) { body in
                writerLock.withLock(body)
            }
        }
    }

    deinit {
        checkpointer?.stop()
    }

    private static func openConnection(_ path: String, _ configuration: SQLiteConfiguration) throws
        -> SQLiteConnection
    {
        try SQLiteConnection(
            path: path, busyTimeout: configuration.busyTimeout,
            automaticCheckpoints: configuration.checkpointInterval == nil)
    }

    /// Runs `body` with a connection that the calling thread owns until `body` returns.
    ///
    /// Waits up to `checkoutTimeout` when all `poolSize` connections are in use. A connection returned with a
    /// transaction still open, for example one begun with raw SQL, is rolled back before another caller gets it.
    @discardableResult
    public func withConnection<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Runs `body` in a write transaction, as `SQLiteConnection.transaction(_:)` does, on the connection kept for
    /// writes.
    @discardableResult
    public func transaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writerLock.withLock {
            try withWriter { connection in try connection.transaction(body) }
        }
    }

    /// Runs `body` with the connection kept for writes, opening it first if needed. The caller must own `writerLock`.
    func withWriter<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let closed = condition.withLock { isClosed }
        guard !closed else {
            throw SQLiteDatabaseError.closed(path: path)
        }
        let connection = try writer ?? Self.openConnection(path, configuration)
        writer = connection
        defer { connection.abandonOpenWork() }
        return try body(connection)
    }

    /// Runs `body` in a read transaction on a pooled connection, as `SQLiteConnection.readTransaction(_:)` does.
    @discardableResult
    public func readTransaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try withConnection { connection in try connection.readTransaction(body) }
    }

    private enum Checkout {
        case idle(SQLiteConnection)
        case openNew
    }

    private func checkOut() throws -> SQLiteConnection {
        switch try reserveConnection() {
        case let .idle(connection):
            return connection
        case .openNew:
            // Opening takes file system calls, so it happens outside the lock on a slot reserved above.
            do {
                return try Self.openConnection(path, configuration)
            } catch {
                condition.withLock {
                    openCount -= 1
                    checkedOutCount -= 1
                    condition.signal()
                }
                throw error
            }
        }
    }

    private func reserveConnection() throws(SQLiteDatabaseError) -> Checkout {
        let deadline = MonotonicCondition.deadline(after: configuration.checkoutTimeout)
        return try condition.withLock { () throws(SQLiteDatabaseError) -> Checkout in
            var hasWaited = false
            while true {
                guard !isClosed else {
                    throw .closed(path: path)
                }
                if let connection = idleConnections.popLast() {
                    checkedOutCount += 1
                    return .idle(connection)
                }
                if openCount < configuration.poolSize {
                    openCount += 1
                    checkedOutCount += 1
                    return .openNew
                }
                if !hasWaited {
                    hasWaited = true
                    waitCount += 1
                }
                guard condition.wait(until: deadline) else {
                    timeoutCount += 1
                    throw .checkoutTimedOut(
                        path: path, poolSize: configuration.poolSize, timeout: configuration.checkoutTimeout)
                }
            }
        }
    }

    /// The pool's connections and waits now, read under the pool's lock.
    public var poolStatistics: ConnectionPoolStatistics {
        condition.withLock {
            ConnectionPoolStatistics(
                size: configuration.poolSize, open: openCount, inUse: checkedOutCount, idle: idleConnections.count,
                waits: waitCount, timeouts: timeoutCount)
        }
    }

    private func checkIn(_ connection: SQLiteConnection) {
        connection.abandonOpenWork()

        condition.withLock {
            checkedOutCount -= 1
            guard !isClosed else {
                // Not kept, so the connection closes when the caller releases it, outside the lock.
                openCount -= 1
                condition.broadcast()
                return
            }
            idleConnections.append(connection)
            condition.signal()
        }
    }

    /// Closes the idle connections and rejects further checkouts. Connections in use close when returned.
    ///
    /// Waits up to `checkoutTimeout` for connections in use, and throws `closeTimedOut` if some are still out.
    /// Calling it inside `withConnection` waits for its own connection and times out. Calling it again is harmless.
    /// SQLite checkpoints the WAL into the database file when the last connection to the file closes.
    public func close() throws(SQLiteDatabaseError) {
        checkpointer?.stop()
        // Waits for a running write transaction. Once `isClosed` is set, `withWriter` opens no new connection.
        writerLock.withLock {
            condition.withLock { isClosed = true }
            writer = nil  // closes the connection kept for writes
        }
        let deadline = MonotonicCondition.deadline(after: configuration.checkoutTimeout)
        var idle: [SQLiteConnection] = []
        let remaining = condition.withLock {
            isClosed = true
            swap(&idle, &idleConnections)
            openCount -= idle.count
            condition.broadcast()

            while checkedOutCount > 0, condition.wait(until: deadline) {}
            return checkedOutCount
        }
        idle.removeAll()  // closes the idle connections

        guard remaining == 0 else {
            throw .closeTimedOut(path: path, checkedOut: remaining)
        }
    }
}
