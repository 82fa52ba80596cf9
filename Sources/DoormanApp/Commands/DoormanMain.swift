import Foundation
import Logging

/// The `doorman` tool's entry point: parses the command line and runs the command.
public enum DoormanMain {
    /// Runs `doorman` with `arguments` (without the program name) and returns the exit status.
    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let command: ParsedCommand
        do {
            command = try parseCommandLine(arguments, environment: environment)
        } catch {
            printError(error.message)
            return error.exitCode
        }
        switch command {
        case .help(let text), .version(let text):
            print(text)
            return 0
        case .serve(let configuration):
            return runCommand(configuration) { try ServeCommand(configuration: configuration).run() }
        case .migrate(let configuration):
            return runCommand(configuration) { try MigrateCommand(configuration: configuration).run() }
        case .cleanup(let configuration, let options):
            let command = CleanupCommand(configuration: configuration, options: options)
            return runCommand(configuration) { try command.run() }
        case .admin(let command, let configuration, let options):
            return AdminProcessCommand(command: command, configuration: configuration, options: options).run()
        }
    }

    private static func runCommand(_ configuration: Configuration, _ body: () throws -> Void) -> Int32 {
        LoggingSystem.bootstrap(configuration.logHandlerFactory)
        do {
            try body()
            return 0
        } catch {
            printError("doorman: \(error)")
            return 1
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
