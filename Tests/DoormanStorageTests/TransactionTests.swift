import DoormanStorage
import Testing

private struct ExpectedFailure: Error {}

struct TransactionTests {
    private func makeConnection(_ path: String) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: path)
        try connection.execute("CREATE TABLE items (name TEXT NOT NULL)")
        return connection
    }

    private func names(_ connection: SQLiteConnection) throws -> [String] {
        try connection.query("SELECT name FROM items ORDER BY rowid") { $0.string(at: 0) }
    }

    @Test func commitKeepsWrites() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)

            let result = try connection.transaction { connection in
                try connection.run("INSERT INTO items VALUES ('a')")
                return "done"
            }

            #expect(result == "done")
            #expect(try names(connection) == ["a"])
            #expect(!connection.isInTransaction)
        }
    }

    @Test func throwRollsBackEverything() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)

            #expect(throws: ExpectedFailure.self) {
                try connection.transaction { connection in
                    try connection.run("INSERT INTO items VALUES ('a')")
                    try connection.run("INSERT INTO items VALUES ('b')")
                    throw ExpectedFailure()
                }
            }

            #expect(try names(connection).isEmpty)
            #expect(!connection.isInTransaction)
        }
    }

    @Test func sqlErrorRollsBackEarlierWrites() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)

            #expect(throws: SQLiteError.self) {
                try connection.transaction { connection in
                    try connection.run("INSERT INTO items VALUES ('a')")
                    try connection.run("INSERT INTO items VALUES (NULL)")
                }
            }

            #expect(try names(connection).isEmpty)
        }
    }

    @Test func nestedFailureRollsBackOnlyInner() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)

            try connection.transaction { connection in
                try connection.run("INSERT INTO items VALUES ('outer')")
                #expect(throws: ExpectedFailure.self) {
                    try connection.transaction { connection in
                        try connection.run("INSERT INTO items VALUES ('inner')")
                        throw ExpectedFailure()
                    }
                }
                try connection.transaction { connection in
                    try connection.run("INSERT INTO items VALUES ('second inner')")
                }
            }

            #expect(try names(connection) == ["outer", "second inner"])
        }
    }

    @Test func outerFailureRollsBackNested() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)

            #expect(throws: ExpectedFailure.self) {
                try connection.transaction { connection in
                    try connection.transaction { connection in
                        try connection.run("INSERT INTO items VALUES ('inner')")
                    }
                    throw ExpectedFailure()
                }
            }

            #expect(try names(connection).isEmpty)
        }
    }

    @Test func readTransactionSeesOneSnapshot() throws {
        try withTemporaryDatabasePath { path in
            let reader = try makeConnection(path)
            let writer = try SQLiteConnection(path: path)

            let counts = try reader.readTransaction { reader in
                let before = try reader.queryFirst("SELECT count(*) FROM items") { $0.int(at: 0) }
                try writer.run("INSERT INTO items VALUES ('concurrent')")
                let after = try reader.queryFirst("SELECT count(*) FROM items") { $0.int(at: 0) }
                return [before, after]
            }

            #expect(counts == [0, 0])
            #expect(try names(reader) == ["concurrent"])
        }
    }

    @Test func concurrentWritersLoseNothing() throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: 4))
            try database.withConnection { connection in
                try connection.execute("CREATE TABLE rows (thread INTEGER NOT NULL, n INTEGER NOT NULL)")
            }

            let errors = runOnThreads(count: 4) { thread in
                for n in 0..<500 {
                    try database.transaction { connection in
                        try connection.run(
                            "INSERT INTO rows (thread, n) VALUES (?, ?)", [SQLiteValue(thread), SQLiteValue(n)])
                    }
                }
            }

            #expect(errors.isEmpty, "\(errors)")
            let counts = try database.withConnection { connection in
                try connection.query("SELECT thread, count(*) FROM rows GROUP BY thread ORDER BY thread") {
                    [$0.int(at: 0), $0.int(at: 1)]
                }
            }
            #expect(counts == [[0, 500], [1, 500], [2, 500], [3, 500]])
        }
    }

    @Test func separateDatabasesShareWrites() throws {
        // Two SQLiteDatabase objects on one file behave like two processes: only busy_timeout coordinates them.
        try withTemporaryDatabasePath { path in
            let setup = try SQLiteConnection(path: path)
            try setup.execute("CREATE TABLE rows (n INTEGER NOT NULL)")

            let errors = runOnThreads(count: 2) { _ in
                let database = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(poolSize: 1))
                for n in 0..<300 {
                    try database.transaction { connection in
                        try connection.run("INSERT INTO rows VALUES (?)", [SQLiteValue(n)])
                    }
                }
            }

            #expect(errors.isEmpty, "\(errors)")
            #expect(try setup.queryFirst("SELECT count(*) FROM rows") { $0.int(at: 0) } == 600)
        }
    }
}
