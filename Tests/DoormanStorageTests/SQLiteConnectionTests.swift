import CSQLite
import DoormanStorage
import Foundation
import Testing

struct SQLiteConnectionTests {
    @Test func pragmasAreApplied() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path, busyTimeout: .milliseconds(1234))

            let journalMode = try connection.queryFirst("PRAGMA journal_mode") { $0.string(at: 0) }
            let foreignKeys = try connection.queryFirst("PRAGMA foreign_keys") { $0.int(at: 0) }
            let synchronous = try connection.queryFirst("PRAGMA synchronous") { $0.int(at: 0) }
            let busyTimeout = try connection.queryFirst("PRAGMA busy_timeout") { $0.int(at: 0) }

            #expect(journalMode == "wal")
            #expect(foreignKeys == 1)
            #expect(synchronous == 1)  // NORMAL
            #expect(busyTimeout == 1234)
        }
    }

    @Test func openFailureNamesPath() throws {
        let path = "/nonexistent-doorman-directory/sub/test.sqlite3"

        let error = try #require(throws: SQLiteError.self) { try SQLiteConnection(path: path) }

        #expect(error.code == SQLITE_CANTOPEN)
        #expect(error.description.contains(path))
    }

    @Test func statementCacheReusesStatements() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            let countBefore = connection.cachedStatementCount

            let first = try connection.prepare("SELECT 1")
            let second = try connection.prepare("SELECT 1")
            let other = try connection.prepare("SELECT 2")

            #expect(first === second)
            #expect(first !== other)
            #expect(connection.cachedStatementCount == countBefore + 2)
        }
    }

    @Test func nestedUseOfSameSQLGetsOwnStatement() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try connection.execute("CREATE TABLE numbers (n INTEGER); INSERT INTO numbers VALUES (1), (2), (3)")
            let sql = "SELECT n FROM numbers ORDER BY n"

            let pairs = try connection.query(sql) { outer in
                try connection.query(sql) { inner in outer.int(at: 0) * 10 + inner.int(at: 0) }
            }

            #expect(pairs == [[11, 12, 13], [21, 22, 23], [31, 32, 33]])
        }
    }

    @Test func preparedStatementBindsAndSteps() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try connection.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)")

            let insert = try connection.prepare("INSERT INTO items (name) VALUES (?)")
            try insert.bind("first", at: 1)
            #expect(try insert.step() == false)
            #expect(connection.lastInsertRowID == 1)
            #expect(connection.changes == 1)

            let again = try connection.prepare("INSERT INTO items (name) VALUES (?)")
            try again.bind("second", at: 1)
            _ = try again.step()
            #expect(connection.lastInsertRowID == 2)

            let names = try connection.query("SELECT name FROM items ORDER BY id") { $0.string(at: 0) }
            #expect(names == ["first", "second"])
        }
    }

    @Test func runReportsChangedRows() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try connection.execute("CREATE TABLE items (n INTEGER); INSERT INTO items VALUES (1), (2), (3)")

            let changed = try connection.run("UPDATE items SET n = n + 1 WHERE n >= ?", [2])

            #expect(changed == 2)
        }
    }

    @Test func runRejectsQueryReturningRows() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)

            #expect(throws: SQLiteError.self) { try connection.run("SELECT 1") }
        }
    }

    @Test func bindingCountMismatchThrows() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)

            let error = try #require(throws: SQLiteError.self) { try connection.run("SELECT ?, ?", [1]) }

            #expect(error.code == SQLITE_RANGE)
        }
    }

    @Test func syntaxErrorCarriesMessageAndSQL() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)

            let error = try #require(throws: SQLiteError.self) { try connection.prepare("SELEC 1") }

            #expect(error.code == SQLITE_ERROR)
            #expect(error.message.contains("syntax error"))
            #expect(error.sql == "SELEC 1")
            #expect(error.description.contains("SELEC 1"))
            #expect(error.description.contains(path))
        }
    }

    @Test func emptySQLIsRejected() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)

            #expect(throws: SQLiteError.self) { try connection.prepare("  -- nothing") }
        }
    }

    @Test func executeRunsScripts() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)

            try connection.execute("CREATE TABLE a (x); CREATE TABLE b (y); INSERT INTO a VALUES (1);")

            let count = try connection.queryFirst("SELECT count(*) FROM a") { $0.int(at: 0) }
            #expect(count == 1)
            #expect(throws: SQLiteError.self) { try connection.execute("INSERT INTO missing VALUES (1)") }
        }
    }

    @Test func nonDatabaseFileIsRejected() throws {
        try withTemporaryDatabasePath { path in
            let garbage = Data(repeating: 0x5a, count: 4096)
            #expect(FileManager.default.createFile(atPath: path, contents: garbage))

            let error = try #require(throws: SQLiteError.self) { try SQLiteConnection(path: path) }

            #expect(error.code == SQLITE_NOTADB)
        }
    }

    @Test func statementCacheIsBounded() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            let capacity = SQLiteConnection.statementCacheCapacity

            for number in 0..<(capacity + 10) {
                _ = try connection.prepare("SELECT \(number)")
            }
            let uncached = try connection.prepare("SELECT \(capacity + 5)")

            #expect(connection.cachedStatementCount == capacity)
            #expect(try uncached.step())
            #expect(uncached.int(at: 0) == capacity + 5)
        }
    }

    @Test func writeInsideReadTransactionStopsProcess() async {
        // A precondition failure traps with SIGILL. The child process removes its files before it traps.
        await #expect(processExitsWith: .signal(SIGILL)) {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("doorman-exit-\(UUID()).sqlite3")
            let connection = try SQLiteConnection(path: path.path)
            try connection.readTransaction { connection in
                _ = try connection.queryFirst("SELECT 1") { $0.int(at: 0) }
                for suffix in ["", "-wal", "-shm"] {
                    unlink(path.path + suffix)
                }
                try connection.transaction { _ in }
            }
        }
    }
}
