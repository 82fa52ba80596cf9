import DoormanCrypto
import DoormanPostgres
import DoormanStorage
import Foundation
import Logging

/// Opens the configured database, creating a SQLite file's directory, and brings its schema up to date.
enum DatabaseSetup {
    /// Opens the database that `databaseURL` selects, applies pending migrations, logging each one, and records
    /// the installation's id and creation time when they are missing.
    static func open(_ configuration: Configuration, logger: Logger) throws -> OpenedDatabase {
        if configuration.isPostgres {
            return .postgres(try openAndMigratePostgres(configuration, logger: logger))
        }
        return .sqlite(try openAndMigrate(configuration, logger: logger))
    }

    /// Opens the SQLite database of `configuration` and applies pending migrations, logging each one.
    static func openAndMigrate(_ configuration: Configuration, logger: Logger) throws -> SQLiteDatabase {
        guard let path = configuration.sqlitePath else {
            throw SetupError(
                "database URL \(redactingPassword(in: configuration.databaseURL)) is not sqlite:PATH")
        }
        let directory = (path as NSString).deletingLastPathComponent
        _ = try DatabaseLocation.prepare(dataDirectory: directory.isEmpty ? "." : directory)
        let database = try SQLiteDatabase(
            path: path, configuration: SQLiteConfiguration(poolSize: configuration.effectiveDatabasePoolSize))
        let summary = try SQLiteMigrations.migrator().migrate(database)
        for migration in summary.applied {
            logApplied(version: migration.version, name: migration.name, logger: logger)
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

    /// Connects to the PostgreSQL server of `configuration`, waiting up to `databaseWaitSeconds` for it, and
    /// applies pending migrations, logging each one.
    static func openAndMigratePostgres(_ configuration: Configuration, logger: Logger) throws -> PostgresDatabase {
        let settings = PostgresConfiguration(
            url: configuration.databaseURL, poolSize: configuration.effectiveDatabasePoolSize)
        let database = try PostgresDatabase.connect(
            configuration: settings, waitingUpTo: .seconds(configuration.databaseWaitSeconds), logger: logger)
        let migrator = PostgresMigrations.migrator()
        let applied = try migrator.migrate(database, now: { Int64(Date().timeIntervalSince1970) })
        for migration in applied {
            logApplied(version: migration.version, name: migration.name, logger: logger)
        }
        try database.transaction(idempotent: true) { connection in
            let insert = "INSERT INTO metadata (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING"
            try connection.run(insert, [Metadata.Key.installationID, SecureRandom.identifier(prefix: "inst_")])
            try connection.run(insert, [Metadata.Key.createdAt, String(Int64(Date().timeIntervalSince1970))])
        }
        let version = try migrator.currentVersion(database)
        logger.info(
            "database ready", metadata: ["db.url": "\(database.redactedURL)", "db.schema_version": "\(version)"])
        return database
    }

    private static func logApplied(version: Int, name: String, logger: Logger) {
        logger.info(
            "migration applied", metadata: ["db.migration.version": "\(version)", "db.migration.name": "\(name)"])
    }
}

/// A start-up failure with a message for the operator.
struct SetupError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
