import DoormanStorage
import Testing

struct MetadataTests {
    private func withMigratedConnection(_ body: (SQLiteConnection) throws -> Void) throws {
        try withTemporaryDatabasePath { path in
            let connection = try SQLiteConnection(path: path)
            try SQLiteMigrations.migrator().migrate(connection)
            try body(connection)
        }
    }

    @Test func missingKeyReturnsNil() throws {
        try withMigratedConnection { connection in
            let value = try Metadata.value(forKey: Metadata.Key.installationID, in: connection)

            #expect(value == nil)
        }
    }

    @Test func setValueReplaces() throws {
        try withMigratedConnection { connection in
            try Metadata.setValue("one", forKey: "sample", in: connection)
            try Metadata.setValue("two", forKey: "sample", in: connection)

            #expect(try Metadata.value(forKey: "sample", in: connection) == "two")
        }
    }

    @Test func insertIfMissingKeepsFirstValue() throws {
        try withMigratedConnection { connection in
            let first = try Metadata.insertIfMissing("first", forKey: Metadata.Key.installationID, in: connection)
            let second = try Metadata.insertIfMissing("second", forKey: Metadata.Key.installationID, in: connection)

            #expect(first)
            #expect(!second)
            #expect(try Metadata.value(forKey: Metadata.Key.installationID, in: connection) == "first")
        }
    }
}
