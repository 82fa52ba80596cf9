import DoormanStorage
import Foundation
import Testing

struct DatabaseLocationTests {
    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func createsMissingDirectoriesPrivately() throws {
        try withTemporaryDirectory { base in
            let directory = base + "/data/nested"

            let databasePath = try DatabaseLocation.prepare(dataDirectory: directory)

            #expect(databasePath == directory + "/doorman.sqlite3")
            #expect(try permissions(directory) == 0o700)
            #expect(try permissions(base + "/data") == 0o700)
        }
    }

    @Test func existingDirectoryIsKept() throws {
        try withTemporaryDirectory { base in
            try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: base)

            let databasePath = try DatabaseLocation.prepare(dataDirectory: base + "/")

            #expect(databasePath == base + "/doorman.sqlite3")
            #expect(try permissions(base) == 0o750)
        }
    }

    @Test func fileInPlaceOfDirectoryIsRejected() throws {
        try withTemporaryDirectory { base in
            let file = base + "/occupied"
            #expect(FileManager.default.createFile(atPath: file, contents: Data()))

            let error = try #require(throws: DatabaseLocationError.self) {
                try DatabaseLocation.prepare(dataDirectory: file)
            }

            #expect(error.path == file)
            #expect(error.description.contains(file))
        }
    }

    @Test func uncreatableDirectoryNamesPath() throws {
        try withTemporaryDirectory { base in
            let file = base + "/occupied"
            #expect(FileManager.default.createFile(atPath: file, contents: Data()))

            let error = try #require(throws: DatabaseLocationError.self) {
                try DatabaseLocation.prepare(dataDirectory: file + "/data")
            }

            #expect(error.path == file + "/data")
            #expect(error.description.contains("parent \(file): it exists but is not a directory"))
        }
    }

    @Test func preparedPathOpens() throws {
        try withTemporaryDirectory { base in
            let databasePath = try DatabaseLocation.prepare(dataDirectory: base + "/fresh")

            let database = try SQLiteDatabase(path: databasePath)

            #expect(FileManager.default.fileExists(atPath: databasePath))
            try database.close()
        }
    }

    @Test func emptyPathIsRejected() {
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation.prepare(dataDirectory: "") }
    }
}
