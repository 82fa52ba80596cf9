import DoormanOAuth
import DoormanPostgres
import DoormanStorage
import DoormanTestSupport
import Foundation
import Testing

/// `SQLiteDatabase.poolStatistics`: connections in use and idle, and checkouts that waited or timed out.
struct PoolStatisticsTests {
    @Test func idleAndInUseAcrossCheckout() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: 3))
            defer { try? database.close() }

            let inside = try database.withConnection { _ in database.poolStatistics }
            let after = database.poolStatistics

            #expect(inside == SQLitePoolStatistics(size: 3, open: 1, inUse: 1, idle: 0, waits: 0, timeouts: 0))
            #expect(after == SQLitePoolStatistics(size: 3, open: 1, inUse: 0, idle: 1, waits: 0, timeouts: 0))
        }
    }

    @Test func waitAndTimeoutAreCounted() throws {
        try withTemporaryDatabasePath { path in
            let configuration = SQLiteConfiguration(poolSize: 1, checkoutTimeout: .milliseconds(50))
            let database = try SQLiteDatabase(path: path, configuration: configuration)
            defer { try? database.close() }

            // The only connection stays checked out while a second thread requests one and times out.
            let timedOut = try database.withConnection { _ in
                let done = DispatchSemaphore(value: 0)
                let outcome = OutcomeBox()
                Thread.detachNewThread {
                    outcome.failed = (try? database.withConnection { _ in }) == nil
                    done.signal()
                }
                done.wait()
                return outcome.failed
            }
            let statistics = database.poolStatistics

            #expect(timedOut)
            #expect(statistics.waits == 1)
            #expect(statistics.timeouts == 1)
            #expect(statistics.inUse == 0)
        }
    }
}

/// `PostgresDatabase.poolStatistics` on the test server, in the same terms as SQLite's.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured))
struct PostgresPoolStatisticsTests {
    @Test func idleAndInUseAcrossCheckout() throws {
        try PostgresTestDatabase.withSchema { url in
            let configuration = PostgresConfiguration(url: url, poolSize: 3)
            let database = try PostgresDatabase(configuration: configuration, logger: quietLogger())
            defer { database.close() }

            let first = database.poolStatistics
            let (outer, inner) = try database.withConnection { _ in
                let outer = database.poolStatistics
                // A second thread opens a second connection while this one is held.
                let inner = Thread.runAndWait { try? database.withConnection { _ in database.poolStatistics } }
                return (outer, inner)
            }
            let after = database.poolStatistics

            #expect(first == ConnectionPoolStatistics(size: 3, open: 1, inUse: 0, idle: 1, waits: 0, timeouts: 0))
            #expect(outer == ConnectionPoolStatistics(size: 3, open: 1, inUse: 1, idle: 0, waits: 0, timeouts: 0))
            #expect(inner == ConnectionPoolStatistics(size: 3, open: 2, inUse: 2, idle: 0, waits: 0, timeouts: 0))
            #expect(after == ConnectionPoolStatistics(size: 3, open: 2, inUse: 0, idle: 2, waits: 0, timeouts: 0))
        }
    }

    @Test func waitAndTimeoutAreCounted() throws {
        try PostgresTestDatabase.withSchema { url in
            let configuration = PostgresConfiguration(url: url, poolSize: 1, checkoutTimeout: .milliseconds(50))
            let database = try PostgresDatabase(configuration: configuration, logger: quietLogger())
            defer { database.close() }

            // The only connection stays checked out while a second thread requests one and times out.
            let timedOut = try database.withConnection { _ in
                Thread.runAndWait { (try? database.withConnection { _ in }) == nil }
            }
            let statistics = database.poolStatistics

            #expect(timedOut == true)
            #expect(statistics.waits == 1)
            #expect(statistics.timeouts == 1)
            #expect(statistics.inUse == 0)
            #expect(statistics.open == 1)
        }
    }

    @Test func brokenConnectionLeavesPool() throws {
        try PostgresTestDatabase.withSchema { url in
            let configuration = PostgresConfiguration(url: url, poolSize: 2, maximumAttempts: 1)
            let database = try PostgresDatabase(configuration: configuration, logger: quietLogger())
            defer { database.close() }

            _ = try? database.withConnection { connection in
                try connection.execute("SELECT pg_terminate_backend(pg_backend_pid())")
            }
            let statistics = database.poolStatistics

            #expect(statistics.open == 0)
            #expect(statistics.inUse == 0)
            #expect(statistics.idle == 0)
        }
    }

    @Test func closeCountsIdleConnectionsClosed() throws {
        try PostgresTestDatabase.withSchema { url in
            let configuration = PostgresConfiguration(url: url, poolSize: 2)
            let database = try PostgresDatabase(configuration: configuration, logger: quietLogger())

            database.close()
            let statistics = database.poolStatistics

            #expect(statistics.open == 0)
            #expect(statistics.idle == 0)
        }
    }
}

extension Thread {
    /// Runs `body` on a new thread, waits for it to finish, and returns its result.
    fileprivate static func runAndWait<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        detachNewThread {
            result.value = body()
            done.signal()
        }
        done.wait()
        return result.value
    }
}

/// A value written by one thread before a semaphore signal and read by another after the wait.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// A flag written by one thread before a semaphore signal and read by another after the wait.
private final class OutcomeBox: @unchecked Sendable {
    var failed = false
}
