import DoormanStorage
import Logging

/// `doorman migrate`: creates the database or applies pending migrations, then exits.
struct MigrateCommand {
    let configuration: Configuration

    func run() throws {
        let logger = Logger(label: "doorman")
        let database = try DatabaseSetup.openAndMigrate(configuration, logger: logger)
        let version = try SQLiteMigrations.migrator().currentVersion(database)
        try database.close()
        print("Database \(configuration.sqlitePath ?? configuration.databaseURL) is at schema version \(version).")
    }
}
