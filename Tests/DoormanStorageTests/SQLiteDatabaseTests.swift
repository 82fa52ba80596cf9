import DoormanStorage
import Foundation
import Synchronization
import Testing

struct SQLiteDatabaseTests {
    @Test func checkoutTimesOutWithClearError() throws {
        try withTemporaryDatabasePath { path in
            let configuration = SQLiteConfiguration(poolSize: 1, checkoutTimeout: .milliseconds(100))
            let database = try SQLiteDatabase(path: path, configuration: configuration)
            let clock = ContinuousClock()

            try database.withConnection { _ in
                let start = clock.now
                let error = try #require(throws: SQLiteDatabaseError.self) {
                    try database.withConnection { _ in }
                }
                let waited = clock.now - start

                #expect(error == .checkoutTimedOut(path: path, poolSize: 1, timeout: .milliseconds(100)))
                #expect(error.description.contains("timed out"))
                #expect(error.description.contains(path))
                #expect(waited >= .milliseconds(100))
                #expect(waited < .seconds(5))
            }
        }
    }

    @Test func waitingCallerGetsReturnedConnection() throws {
        try withTemporaryDatabasePath { path in
            let configuration = SQLiteConfiguration(poolSize: 1, checkoutTimeout: .seconds(10))
            let database = try SQLiteDatabase(path: path, configuration: configuration)

            let errors = runOnThreads(count: 3) { _ in
                for _ in 0..<50 {
                    try database.withConnection { connection in
                        _ = try connection.queryFirst("SELECT 1") { $0.int(at: 0) }
                    }
                }
            }

            #expect(errors.isEmpty, "\(errors)")
        }
    }

    @Test func poolReusesConnections() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: 4))

            let first = try database.withConnection { ObjectIdentifier($0) }
            let second = try database.withConnection { ObjectIdentifier($0) }

            #expect(first == second)
        }
    }

    @Test func poolOpensUpToPoolSize() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: 2))

            let identifiers = try database.withConnection { outer in
                try database.withConnection { inner in [ObjectIdentifier(outer), ObjectIdentifier(inner)] }
            }

            #expect(identifiers[0] != identifiers[1])
        }
    }

    @Test func openTransactionIsRolledBackOnReturn() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: 1))
            try database.withConnection { try $0.execute("CREATE TABLE items (n INTEGER)") }

            try database.withConnection { connection in
                try connection.execute("BEGIN; INSERT INTO items VALUES (1)")
            }
            let state = try database.withConnection { connection in
                (connection.isInTransaction, try connection.queryFirst("SELECT count(*) FROM items") { $0.int(at: 0) })
            }

            #expect(state.0 == false)
            #expect(state.1 == 0)
        }
    }

    @Test func unfinishedQueryIsResetOnReturn() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: 1))
            try database.withConnection { connection in
                try connection.execute("CREATE TABLE items (n INTEGER); INSERT INTO items VALUES (1)")
            }

            // Stepping once and abandoning the statement leaves a read snapshot open on the connection.
            try database.withConnection { connection in
                _ = try connection.prepare("SELECT n FROM items").step()
            }
            let writer = try SQLiteConnection(path: path)
            try writer.run("INSERT INTO items VALUES (2)")
            let count = try database.withConnection { connection in
                try connection.queryFirst("SELECT count(*) FROM items") { $0.int(at: 0) }
            }

            #expect(count == 2)
        }
    }

    @Test func closedDatabaseRejectsCheckout() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path)

            try database.close()
            try database.close()

            #expect(throws: SQLiteDatabaseError.closed(path: path)) {
                try database.withConnection { _ in }
            }
        }
    }

    @Test func closeWaitsForConnectionInUse() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(
                path: path, configuration: SQLiteConfiguration(poolSize: 2, checkoutTimeout: .seconds(10)))
            let returned = Mutex(false)
            let checkedOut = DispatchSemaphore(value: 0)

            let thread = Thread {
                try? database.withConnection { _ in
                    checkedOut.signal()
                    Thread.sleep(forTimeInterval: 0.2)
                    returned.withLock { $0 = true }
                }
            }
            thread.start()
            checkedOut.wait()
            try database.close()

            #expect(returned.withLock { $0 })
        }
    }

    @Test func closeTimesOutWhileConnectionInUse() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(
                path: path, configuration: SQLiteConfiguration(poolSize: 1, checkoutTimeout: .milliseconds(50)))

            try database.withConnection { _ in
                #expect(throws: SQLiteDatabaseError.closeTimedOut(path: path, checkedOut: 1)) {
                    try database.close()
                }
            }
            #expect(throws: SQLiteDatabaseError.closed(path: path)) {
                try database.withConnection { _ in }
            }
        }
    }

    @Test func writesUseOneConnectionOutsidePool() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(
                path: path, configuration: SQLiteConfiguration(poolSize: 1, checkoutTimeout: .milliseconds(50)))

            let (pooled, first, second, grouped) = try database.withConnection { pooled in
                // The pool's only connection is checked out here, so these would time out if they used the pool.
                let first = try database.transaction { ObjectIdentifier($0) }
                let second = try database.transaction { ObjectIdentifier($0) }
                let grouped = try database.groupedTransaction { ObjectIdentifier($0) }
                return (ObjectIdentifier(pooled), first, second, grouped)
            }

            #expect(first == second)
            #expect(grouped == first)
            #expect(pooled != first)
        }
    }

    @Test func closedDatabaseRejectsWrites() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path)
            try database.transaction { try $0.execute("CREATE TABLE t (x INTEGER)") }

            try database.close()

            #expect(throws: SQLiteDatabaseError.closed(path: path)) {
                try database.transaction { try $0.execute("INSERT INTO t VALUES (1)") }
            }
            #expect(throws: SQLiteDatabaseError.closed(path: path)) {
                try database.groupedTransaction { try $0.execute("INSERT INTO t VALUES (1)") }
            }
        }
    }

    @Test func closeWaitsForRunningWrite() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path)
            try database.transaction { try $0.execute("CREATE TABLE t (x INTEGER)") }
            let inserted = Mutex(false)
            let writing = DispatchSemaphore(value: 0)

            let thread = Thread {
                try? database.transaction { connection in
                    writing.signal()
                    Thread.sleep(forTimeInterval: 0.2)
                    try connection.execute("INSERT INTO t VALUES (1)")
                    inserted.withLock { $0 = true }
                }
            }
            thread.start()
            writing.wait()
            try database.close()

            #expect(inserted.withLock { $0 })
            let reopened = try SQLiteDatabase(path: path)
            let count = try reopened.withConnection { try $0.queryFirst("SELECT count(*) FROM t") { $0.int(at: 0) } }
            #expect(count == 1)
        }
    }

    @Test func invalidPathFailsAtInit() {
        let path = "/nonexistent-doorman-directory/test.sqlite3"

        #expect(throws: SQLiteError.self) { try SQLiteDatabase(path: path) }
    }
}
