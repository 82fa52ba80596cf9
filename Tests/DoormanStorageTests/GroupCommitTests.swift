import Foundation
import Synchronization
import Testing

@testable import DoormanStorage

private struct ExpectedFailure: Error {}

/// `SQLiteDatabase.groupedTransaction`: bodies that queue while another group commits share one transaction.
struct GroupCommitTests {
    private static let schema = """
        CREATE TABLE parents (id INTEGER PRIMARY KEY);
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED
        );
        """

    private func makeDatabase(_ path: String) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: 8))
        try database.withConnection { try $0.execute(Self.schema) }
        return database
    }

    private func itemIDs(_ database: SQLiteDatabase) throws -> [Int64] {
        try database.withConnection { connection in
            try connection.query("SELECT id FROM items ORDER BY id") { $0.int64(at: 0) }
        }
    }

    /// Runs `bodies` through `groupedTransaction` so that they all land in one group, and returns each one's
    /// result by index.
    ///
    /// A first caller's body blocks the queue until every body is queued behind it, so the first of them leads a
    /// group that contains them all.
    private func runAsOneGroup(
        _ database: SQLiteDatabase, _ bodies: [@Sendable (SQLiteConnection) throws -> Int64]
    ) throws -> [Result<Int64, any Error>] {
        let release = DispatchSemaphore(value: 0)
        let blocker = Thread {
            _ = try? database.groupedTransaction { _ in release.wait() }
        }
        blocker.start()
        try waitUntilQueued(database, count: 1)

        let results = Mutex<[Int: Result<Int64, any Error>]>([:])
        let finished = DispatchGroup()
        for (index, body) in bodies.enumerated() {
            finished.enter()
            Thread {
                let result = Result { try database.groupedTransaction(body) }
                results.withLock { $0[index] = result }
                finished.leave()
            }.start()
        }
        try waitUntilQueued(database, count: 1 + bodies.count)
        release.signal()
        finished.wait()

        let byIndex = results.withLock { $0 }
        return try bodies.indices.map { index in try #require(byIndex[index]) }
    }

    private func waitUntilQueued(_ database: SQLiteDatabase, count: Int) throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while database.groupCommits.count < count {
            try #require(ContinuousClock.now < deadline, "fewer than \(count) jobs queued after 10 s")
            Thread.sleep(forTimeInterval: 0.001)
        }
    }

    @Test func queuedBodiesShareOneTransaction() throws {
        try withTemporaryDatabasePath { path in
            let database = try makeDatabase(path)
            let threads = Mutex<Set<UInt>>([])
            let bodies: [@Sendable (SQLiteConnection) throws -> Int64] = (Int64(1)...4).map { id in
                { connection in
                    threads.withLock { _ = $0.insert(UInt(bitPattern: Int(bitPattern: pthread_self()))) }
                    try connection.run("INSERT INTO items (id) VALUES (?)", [.integer(id)])
                    return id * 10
                }
            }

            let results = try runAsOneGroup(database, bodies)

            #expect(try results.map { try $0.get() } == [10, 20, 30, 40])
            #expect(threads.withLock { $0.count } == 1)
            #expect(try itemIDs(database) == [1, 2, 3, 4])
            try database.close()
        }
    }

    @Test func failingBodyRollsBackAlone() throws {
        try withTemporaryDatabasePath { path in
            let database = try makeDatabase(path)
            let bodies: [@Sendable (SQLiteConnection) throws -> Int64] = (Int64(1)...3).map { id in
                { connection in
                    try connection.run("INSERT INTO items (id) VALUES (?)", [.integer(id)])
                    if id == 2 {
                        throw ExpectedFailure()
                    }
                    return id
                }
            }

            let results = try runAsOneGroup(database, bodies)

            #expect(try results[0].get() == 1)
            #expect(throws: ExpectedFailure.self) { try results[1].get() }
            #expect(try results[2].get() == 3)
            #expect(try itemIDs(database) == [1, 3])
            try database.close()
        }
    }

    @Test func failedCommitFailsWholeGroup() throws {
        try withTemporaryDatabasePath { path in
            let database = try makeDatabase(path)
            // The foreign key is deferred, so the missing parent of item 2 fails the COMMIT, not the INSERT.
            let bodies: [@Sendable (SQLiteConnection) throws -> Int64] = [
                { connection in
                    try connection.run("INSERT INTO items (id) VALUES (1)")
                    return 1
                },
                { connection in
                    try connection.run("INSERT INTO items (id, parent_id) VALUES (2, 99)")
                    return 2
                },
            ]

            let results = try runAsOneGroup(database, bodies)

            #expect(throws: SQLiteError.self) { try results[0].get() }
            #expect(throws: SQLiteError.self) { try results[1].get() }
            #expect(try itemIDs(database) == [])
            let after = try database.groupedTransaction { connection in
                try connection.run("INSERT INTO items (id) VALUES (3)")
            }
            #expect(after == 1)
            #expect(try itemIDs(database) == [3])
            try database.close()
        }
    }

    @Test func singleCallerCommitsAlone() throws {
        try withTemporaryDatabasePath { path in
            let database = try makeDatabase(path)

            let result = try database.groupedTransaction { connection in
                try connection.run("INSERT INTO items (id) VALUES (7)")
                return connection.isInTransaction
            }

            #expect(result)
            #expect(try itemIDs(database) == [7])
            #expect(database.groupCommits.count == 0)
            try database.close()
        }
    }
}
