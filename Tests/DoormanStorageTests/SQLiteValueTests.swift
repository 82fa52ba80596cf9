import DoormanStorage
import Testing

struct SQLiteValueTests {
    private static let roundTripValues: [SQLiteValue] = [
        .integer(0), .integer(Int64.max), .integer(Int64.min), .integer(-1),
        .real(3.25), .real(-0.5), .real(1e300),
        .text(""), .text("plain"), .text("grüße, 東京, 🔑"), .text("embedded\u{0}nul"),
        .blob([]), .blob([0, 1, 2, 255]), .blob(Array(repeating: 0xab, count: 10_000)),
        .null,
    ]

    @Test(arguments: roundTripValues)
    func valueRoundTripsThroughTable(value: SQLiteValue) throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try connection.execute("CREATE TABLE cells (value ANY) STRICT")

            try connection.run("INSERT INTO cells (value) VALUES (?)", [value])
            let stored = try connection.queryFirst("SELECT value FROM cells") { $0.value(at: 0) }

            #expect(stored == value)
        }
    }

    @Test func typedReadersReturnEachType() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            let statement = try connection.prepare("SELECT ?, ?, ?, ?, ?")
            try statement.bind(Int64(-7), at: 1)
            try statement.bind(2.5, at: 2)
            try statement.bind("naïve", at: 3)
            try statement.bind([UInt8]([9, 8, 7]), at: 4)
            try statement.bindNull(at: 5)

            #expect(try statement.step())
            #expect(statement.int64(at: 0) == -7)
            #expect(statement.int(at: 0) == -7)
            #expect(statement.double(at: 1) == 2.5)
            #expect(statement.string(at: 2) == "naïve")
            #expect(statement.blob(at: 3) == [9, 8, 7])
            #expect(statement.isNull(at: 4))
            #expect(!statement.isNull(at: 0))
        }
    }

    @Test func nullReadsAsDefaultsOrNil() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            let statement = try connection.prepare("SELECT NULL")

            #expect(try statement.step())
            #expect(statement.int64(at: 0) == 0)
            #expect(statement.string(at: 0) == "")
            #expect(statement.blob(at: 0) == [])
            #expect(statement.optionalString(at: 0) == nil)
            #expect(statement.optionalInt64(at: 0) == nil)
            #expect(statement.value(at: 0) == .null)
        }
    }

    @Test func emptyTextAndBlobAreNotNull() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)

            let types = try connection.queryFirst("SELECT typeof(?), typeof(?)", [.text(""), .blob([])]) {
                [$0.string(at: 0), $0.string(at: 1)]
            }

            #expect(types == ["text", "blob"])
        }
    }

    @Test func literalsBuildValues() {
        let values: [SQLiteValue] = [42, 1.5, "text", nil]

        #expect(values == [.integer(42), .real(1.5), .text("text"), .null])
        #expect(SQLiteValue(String?.none) == .null)
        #expect(SQLiteValue(Int64?.some(3)) == .integer(3))
        #expect(SQLiteValue(7) == .integer(7))
    }

    @Test func columnNamesFollowAliases() throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            let statement = try connection.prepare("SELECT 1 AS first, 2 AS second")

            #expect(statement.columnCount == 2)
            #expect(statement.columnName(at: 0) == "first")
            #expect(statement.columnName(at: 1) == "second")
        }
    }
}
