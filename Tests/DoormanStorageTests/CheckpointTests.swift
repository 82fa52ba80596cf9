import DoormanStorage
import Foundation
import Testing

@Suite("Background checkpoints")
struct CheckpointTests {
    private let payload = String(repeating: "x", count: 3000)

    private func makeDatabase(_ path: String, interval: Duration) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(checkpointInterval: interval))
        try database.withConnection { try $0.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT)") }
        return database
    }

    /// Commits `count` rows, one transaction each, so each commit appends at least one frame to the log.
    private func writeRows(_ database: SQLiteDatabase, from first: Int, count: Int) throws {
        for number in first..<(first + count) {
            try database.transaction { connection in
                _ = try connection.run(
                    "INSERT INTO rows (id, payload) VALUES (?, ?)", [.integer(Int64(number)), .text(payload)])
            }
        }
    }

    /// Returns the number of frames in the log since it last started over.
    private func framesInLog(_ database: SQLiteDatabase) throws -> Int64 {
        try database.withConnection { connection in
            try connection.queryFirst("PRAGMA wal_checkpoint(PASSIVE)") { $0.int64(at: 1) } ?? -1
        }
    }

    @Test func commitsLeaveTheCopyToTheThread() throws {
        try withTemporaryDatabasePath { path in
            let database = try makeDatabase(path, interval: .seconds(3600))

            try writeRows(database, from: 0, count: 2_000)

            // SQLite's own checkpoint would have started the log over after 1,000 frames.
            #expect(try framesInLog(database) >= 2_000)
            try database.close()
        }
    }

    @Test func logStartsOverWhileWritesGoOn() throws {
        try withTemporaryDatabasePath { path in
            let database = try makeDatabase(path, interval: .milliseconds(10))

            // Writes never pause, so only a checkpoint taken between two commits lets the log start over.
            try writeRows(database, from: 0, count: 3_000)

            // 3,000 commits appended at least 3,000 frames, so a log that started over contains fewer.
            #expect(try framesInLog(database) < 3_000)
            let count = try database.withConnection { connection in
                try connection.queryFirst("SELECT count(*) FROM rows") { $0.int64(at: 0) }
            }
            #expect(count == 3_000)
            try database.close()
        }
    }

    /// Tools that copy only the database file, such as the demo's seeding, rely on close emptying the log.
    @Test func closeLeavesNoLogBehind() throws {
        try withTemporaryDatabasePath { path in
            let database = try makeDatabase(path, interval: .milliseconds(10))
            try writeRows(database, from: 0, count: 100)

            try database.close()

            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            let reopened = try SQLiteDatabase(path: path)
            let count = try reopened.withConnection { connection in
                try connection.queryFirst("SELECT count(*) FROM rows") { $0.int64(at: 0) }
            }
            #expect(count == 100)
            try reopened.close()
        }
    }
}
