import Dispatch
import DoormanOAuth
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A PostgreSQL database shared by threads through a bounded pool of `PostgresConnection`s.
///
/// Ownership rule: `withConnection`, `read` and `transaction` hand a connection to the calling thread for the
/// closure only. Callers never keep a connection beyond the closure and never nest these calls, because a nested
/// call waits for a second connection and can exhaust the pool.
///
/// A connection that libpq reports broken is dropped when it comes back, together with every idle connection, and
/// the next caller opens a new one.
/// Whole reads and transactions run again on a new connection when that is safe: see `transaction`.
public final class PostgresDatabase: Sendable {
    /// The settings the pool was created with.
    public let configuration: PostgresConfiguration

    private let logger: Logger
    /// Counts free slots, so a caller waits on it for a connection with a monotonic-clock timeout.
    private let slots: DispatchSemaphore
    private let state = Mutex(PoolState())

    private struct PoolState: ~Copyable {
        var idle: [PostgresConnection] = []
        var isClosed = false
        /// Connections open now, in use or idle, a connection being opened included.
        var openCount = 0
        /// Connections checked out now, a connection being opened included.
        var inUseCount = 0
        /// Checkouts that found every slot taken and had to wait.
        var waitCount = 0
        /// Checkouts that waited for the whole checkout timeout and failed.
        var timeoutCount = 0
    }

    /// Creates the pool and opens one connection, so that a wrong URL or a server that is down fails here.
    ///
    /// Throws `PostgresError` of kind `connectionFailed` with libpq's message, which names the host and port.
    public init(configuration: PostgresConfiguration, logger: Logger = Logger(label: "doorman.postgres"))
        throws(PostgresError)
    {
        self.configuration = configuration
        self.logger = logger
        slots = DispatchSemaphore(value: configuration.poolSize)
        let first = try Self.open(configuration)
        state.withLock { state in
            state.idle.append(first)
            state.openCount = 1
        }
    }

    /// The URL with its password replaced, for messages and logs.
    public var redactedURL: String {
        PostgresURL.redacted(configuration.url)
    }

    private static func open(_ configuration: PostgresConfiguration) throws(PostgresError) -> PostgresConnection {
        try PostgresConnection(url: configuration.url, connectTimeout: configuration.connectTimeout)
    }

    /// Runs `body` once with a pooled connection in autocommit mode, with no retry.
    ///
    /// A transaction that `body` leaves open is rolled back before the connection returns to the pool.
    @discardableResult
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Runs `body`, which must only read, in autocommit mode, and runs it again on a new connection after a lost
    /// connection, up to `maximumAttempts` runs in all.
    @discardableResult
    public func read<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try repeatableStatement(body)
    }

    /// Runs `body`, one statement in autocommit mode that changes rows but is safe to run twice, and runs it again on
    /// a new connection after a lost connection, a serialization failure or a deadlock, up to `maximumAttempts` runs
    /// in all.
    ///
    /// A lost connection leaves unknown whether the statement committed, so `body` must give the same answer when
    /// its first run did, for example by finding a row that only its own first run can have written.
    @discardableResult
    public func repeatableStatement<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try retrying(idempotent: true) { connection throws -> T in try body(connection) }
    }

    /// Runs `body` between BEGIN and COMMIT on a pooled connection, and runs the whole transaction again when that
    /// is safe, up to `maximumAttempts` runs in all.
    ///
    /// A new run follows a serialization failure (SQLSTATE 40001) or a deadlock (40P01), because the server
    /// rolled the transaction back, and a connection lost before COMMIT was sent, because nothing was committed.
    /// A connection lost while COMMIT was in flight leaves the outcome unknown, so only an `idempotent` body runs
    /// again, and otherwise the error is thrown. An error that `body` throws rolls the transaction back and is
    /// thrown as it is.
    @discardableResult
    public func transaction<T>(idempotent: Bool = false, _ body: (PostgresConnection) throws -> T) throws -> T {
        try retrying(idempotent: idempotent) { connection throws -> T in
            try connection.execute("BEGIN")
            let value = try body(connection)
            try commit(connection)
            return value
        }
    }

    /// Sends COMMIT and throws when the command tag is ROLLBACK, which the server returns for a failed transaction.
    private func commit(_ connection: PostgresConnection) throws {
        do {
            let tag = try connection.execute("COMMIT")
            guard tag == "COMMIT" else {
                throw PostgresError(kind: .server, message: "COMMIT ended in \(tag): the transaction had failed")
            }
        } catch let error as PostgresError where error.kind == .connectionLost {
            throw CommitOutcomeUnknown(error: error)
        }
    }

    /// Marks a connection lost while COMMIT was in flight, when the transaction may or may not have committed.
    private struct CommitOutcomeUnknown: Error {
        let error: PostgresError
    }

    private func retrying<T>(idempotent: Bool, _ run: (PostgresConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            let connection = try checkOut()
            do {
                let value = try run(connection)
                checkIn(connection)
                return value
            } catch {
                checkIn(connection)
                let failure = Self.retryableFailure(error, idempotent: idempotent)
                guard let failure, attempt < configuration.maximumAttempts else {
                    throw Self.unwrapped(error)
                }
                logRetry(failure, attempt: attempt)
                Self.pause(beforeAttempt: attempt + 1)
                attempt += 1
            }
        }
    }

    /// Returns the error when running the work again is safe after it, or nil.
    private static func retryableFailure(_ error: any Error, idempotent: Bool) -> PostgresError? {
        switch error {
        case let unknown as CommitOutcomeUnknown:
            return idempotent ? unknown.error : nil
        case let error as PostgresError where error.kind == .connectionLost || error.isTransient:
            return error
        default:
            return nil
        }
    }

    private static func unwrapped(_ error: any Error) -> any Error {
        guard let unknown = error as? CommitOutcomeUnknown else {
            return error
        }
        return PostgresError(
            kind: .connectionLost, sqlState: unknown.error.sqlState,
            message: "connection lost during COMMIT, so the transaction may or may not have committed: "
                + unknown.error.message)
    }

    /// Sleeps a few milliseconds, more for later attempts, with jitter so that colliding transactions part.
    private static func pause(beforeAttempt attempt: Int) {
        let milliseconds = Int.random(in: 1...(5 * attempt))
        usleep(UInt32(milliseconds * 1000))
    }

    private func logRetry(_ error: PostgresError, attempt: Int) {
        logger.warning(
            "database work retried",
            metadata: [
                "db.attempt": "\(attempt + 1)", "db.sqlstate": "\(error.sqlState ?? "")", "error": "\(error)",
            ])
    }

    private func checkOut() throws(PostgresError) -> PostgresConnection {
        try takeSlot()

        let reservation = state.withLock { state -> Reservation in
            guard !state.isClosed else {
                return .closed
            }
            state.inUseCount += 1
            if let idle = state.idle.popLast() {
                return .idle(idle)
            }
            state.openCount += 1
            return .openNew
        }

        switch reservation {
        case .idle(let connection):
            return connection
        case .closed:
            slots.signal()
            throw PostgresError(kind: .closed, message: "the pool for \(redactedURL) is closed")
        case .openNew:
            return try openReserved()
        }
    }

    /// The state a checkout finds in the pool after it took a slot: an idle connection, room to open one, or closed.
    private enum Reservation {
        case idle(PostgresConnection)
        case openNew
        case closed
    }

    /// Waits up to the checkout timeout for a free slot, and counts the checkouts that waited or timed out.
    private func takeSlot() throws(PostgresError) {
        if slots.wait(timeout: .now()) == .success {
            return
        }
        state.withLock { $0.waitCount += 1 }

        guard slots.wait(timeout: .now() + configuration.checkoutTimeout.dispatchInterval) == .success else {
            state.withLock { $0.timeoutCount += 1 }
            throw PostgresError(
                kind: .poolExhausted,
                message: "timed out after \(configuration.checkoutTimeout) waiting for a connection to "
                    + "\(redactedURL): all \(configuration.poolSize) are in use; raise the pool size")
        }
    }

    /// Opens a connection on a slot that `checkOut` reserved, outside the lock, and gives the slot back on failure.
    private func openReserved() throws(PostgresError) -> PostgresConnection {
        do {
            return try Self.open(configuration)
        } catch {
            state.withLock { state in
                state.openCount -= 1
                state.inUseCount -= 1
            }
            slots.signal()
            throw error
        }
    }

    /// Returns a connection to the pool, or drops it when it is broken, in a failed state, or the pool is closed.
    ///
    /// A broken connection also drops every idle one. A server restart or failover breaks all connections at once,
    /// and a retry would otherwise take the stale idle connections one by one and could fail on each of them.
    private func checkIn(_ connection: PostgresConnection) {
        if !connection.isBroken && connection.isInTransaction {
            _ = try? connection.execute("ROLLBACK")
        }
        let keep = !connection.isBroken && !connection.isInTransaction
        if !keep {
            logger.info("database connection dropped", metadata: ["db.url": "\(redactedURL)"])
        }
        // The dropped connections close when this array is released, outside the lock.
        let dropped = state.withLock { state -> [PostgresConnection] in
            state.inUseCount -= 1
            if keep && !state.isClosed {
                state.idle.append(connection)
            } else {
                state.openCount -= 1
            }
            guard connection.isBroken else {
                return []
            }
            defer { state.idle = [] }
            state.openCount -= state.idle.count
            return state.idle
        }
        if !dropped.isEmpty {
            logger.info(
                "idle database connections dropped after a lost connection",
                metadata: ["db.url": "\(redactedURL)", "db.idle_connections": "\(dropped.count)"])
        }
        slots.signal()
    }

    /// The pool's connections, waits and timeouts now, read under the pool's lock.
    public var poolStatistics: ConnectionPoolStatistics {
        state.withLock { state in
            ConnectionPoolStatistics(
                size: configuration.poolSize, open: state.openCount, inUse: state.inUseCount, idle: state.idle.count,
                waits: state.waitCount, timeouts: state.timeoutCount)
        }
    }

    /// Closes the idle connections and rejects later checkouts. Connections in use close when they come back.
    public func close() {
        // The connections close when this array is released, outside the lock.
        let idle = state.withLock { state in
            state.isClosed = true
            state.openCount -= state.idle.count
            defer { state.idle = [] }
            return state.idle
        }
        logger.debug("database pool closed", metadata: ["db.idle_connections": "\(idle.count)"])
    }
}

extension Duration {
    /// The duration as a Dispatch interval in nanoseconds.
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
