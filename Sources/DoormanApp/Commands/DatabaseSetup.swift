import DoormanCrypto
import DoormanStorage
import Foundation
import Logging

/// Opens the configured database, creating its directory, and brings its schema up to date.
enum DatabaseSetup {
    /// Opens the database and applies pending migrations, logging each one.
    static func openAndMigrate(_ configuration: Configuration, logger: Logger) throws -> SQLiteDatabase {
        guard let path = configuration.sqlitePath else {
            throw SetupError("unsupported database URL \(configuration.databaseURL): expected sqlite:PATH")
        }
        let directory = (path as NSString).deletingLastPathComponent
        _ = try DatabaseLocation.prepare(dataDirectory: directory.isEmpty ? "." : directory)
        let database = try SQLiteDatabase(
            path: path, configuration: SQLiteConfiguration(poolSize: configuration.threads + 2))
        let summary = try SQLiteMigrations.migrator().migrate(database)
        for migration in summary.applied {
            logger.info(
                "migration applied",
                metadata: ["db.migration.version": "\(migration.version)", "db.migration.name": "\(migration.name)"])
        }
        try database.withConnection { connection in
            _ = try Metadata.insertIfMissing(
                SecureRandom.identifier(prefix: "inst_"), forKey: Metadata.Key.installationID, in: connection)
            _ = try Metadata.insertIfMissing(
                String(Int64(Date().timeIntervalSince1970)), forKey: Metadata.Key.createdAt, in: connection)
        }
        logger.info(
            "database ready", metadata: ["db.path": "\(path)", "db.schema_version": "\(summary.currentVersion)"])
        return database
    }
}

/// A start-up failure with a message for the operator.
struct SetupError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
