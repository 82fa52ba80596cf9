import Logging

/// `doorman migrate`: creates the database or applies pending migrations, then exits.
struct MigrateCommand {
    let configuration: Configuration

    func run() throws {
        let logger = Logger(label: "doorman")
        let database = try DatabaseSetup.open(configuration, logger: logger)
        let version = try database.schemaVersion()
        try database.close()
        print("Database \(database.location) is at schema version \(version).")
    }
}
