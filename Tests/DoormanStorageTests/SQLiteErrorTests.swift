import CSQLite
import DoormanStorage
import Testing

struct SQLiteErrorTests {
    private func makeConnection(_ path: String) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: path)
        try connection.execute(
            """
            CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE sessions (user_id INTEGER NOT NULL REFERENCES users (id));
            INSERT INTO users (id, name) VALUES (1, 'alice');
            """)
        return connection
    }

    @Test func uniqueViolationIsTyped() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)

            let error = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO users (name) VALUES (?)", ["alice"])
            }

            #expect(error.isConstraintViolation)
            #expect(error.isUniqueViolation)
            #expect(!error.isBusy)
            #expect(error.code == SQLITE_CONSTRAINT)
            #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error.message.contains("UNIQUE constraint failed: users.name"))
            #expect(error.sql == "INSERT INTO users (name) VALUES (?)")
        }
    }

    @Test func primaryKeyViolationCountsAsUnique() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)

            let error = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO users (id, name) VALUES (1, 'bob')")
            }

            #expect(error.isUniqueViolation)
        }
    }

    @Test func notNullViolationIsConstraint() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)

            let error = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO users (name) VALUES (?)", [nil])
            }

            #expect(error.isConstraintViolation)
            #expect(!error.isUniqueViolation)
        }
    }

    @Test func foreignKeyViolationIsEnforced() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)

            let error = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO sessions (user_id) VALUES (?)", [99])
            }

            #expect(error.isForeignKeyViolation)
            #expect(error.isConstraintViolation)
        }
    }

    @Test func statementIsReusableAfterError() throws {
        try withTemporaryDatabasePath { path in
            let connection = try makeConnection(path)
            let sql = "INSERT INTO users (name) VALUES (?)"

            #expect(throws: SQLiteError.self) { try connection.run(sql, ["alice"]) }
            try connection.run(sql, ["bob"])

            let count = try connection.queryFirst("SELECT count(*) FROM users") { $0.int(at: 0) }
            #expect(count == 2)
        }
    }
}
