import Logging

/// Runs an administration command in the `doorman` process: opens and migrates the configured
/// database as `serve` does, runs the command on it and prints the result to standard output.
struct AdminProcessCommand {
    let command: AdminCommand
    let configuration: Configuration
    let options: ParsedOptions

    /// Runs the command and returns the exit status: 0, or the status of the error it printed.
    func run() -> Int32 {
        LoggingSystem.bootstrap(configuration.logHandlerFactory)
        let database: OpenedDatabase
        do {
            database = try DatabaseSetup.open(configuration, logger: Logger(label: "doorman"))
        } catch {
            DoormanMain.printError("doorman: \(error)")
            return 1
        }
        // Each command commits its change before returning, so a failing close loses nothing, and the
        // output, which may hold a secret that exists nowhere else, has been printed by then.
        defer { try? database.close() }

        do throws(AdminError) {
            print(try command.run(options, store: database.store))
            return 0
        } catch {
            DoormanMain.printError(error.message)
            return error.exitCode
        }
    }
}
