import DoormanPostgres
import DoormanTestSupport
import Foundation
import Testing

@testable import DoormanApp

/// `PoolMetrics` fed by a PostgreSQL pool, as `/metrics` renders it when `--database-url` names PostgreSQL.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured))
struct PoolMetricsTests {
    @Test func postgresPoolAppearsOnScrape() throws {
        try PostgresTestDatabase.withSchema { url in
            let configuration = PostgresConfiguration(url: url, poolSize: 1, checkoutTimeout: .milliseconds(50))
            let database = try PostgresDatabase(configuration: configuration, logger: quietLogger())
            defer { database.close() }
            let metrics = ServerMetrics(database: .postgres(database))

            // The only connection is held while a second checkout waits and times out.
            let pageWhileHeld = try database.withConnection { _ in
                #expect(throws: (any Error).self) { try Self.checkOutOnOtherThread(database) }
                return ScrapedMetrics(String(decoding: metrics.render(), as: UTF8.self))
            }
            let pageAfterRelease = ScrapedMetrics(String(decoding: metrics.render(), as: UTF8.self))

            #expect(pageWhileHeld["doorman_database_pool_connections_max"] == 1)
            #expect(pageWhileHeld["doorman_database_pool_connections_in_use"] == 1)
            #expect(pageWhileHeld["doorman_database_pool_connections_idle"] == 0)
            #expect(pageWhileHeld["doorman_database_pool_waits_total"] == 1)
            #expect(pageWhileHeld["doorman_database_pool_timeouts_total"] == 1)
            #expect(pageAfterRelease["doorman_database_pool_connections_in_use"] == 0)
            #expect(pageAfterRelease["doorman_database_pool_connections_idle"] == 1)
            #expect(pageAfterRelease["doorman_database_pool_waits_total"] == 1)
        }
    }

    /// Checks a connection out on a new thread and rethrows its failure here.
    private static func checkOutOnOtherThread(_ database: PostgresDatabase) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Thread.detachNewThread {
            do {
                try database.withConnection { _ in }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            throw error
        }
    }
}

/// An error written by one thread before a semaphore signal and read by another after the wait.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
