import DoormanStorage
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

/// A flag written by one thread before a semaphore signal and read by another after the wait.
private final class OutcomeBox: @unchecked Sendable {
    var failed = false
}
