/// A parsed `doorman` command line: the command to run with its settings, or text to print.
public enum ParsedCommand: Sendable, Equatable {
    /// Runs the HTTP server.
    case serve(Configuration)

    /// Applies pending database migrations, then exits.
    case migrate(Configuration)

    /// Runs one cleanup pass with its settings and options, then exits.
    case cleanup(Configuration, ParsedOptions)

    /// Runs an administration command with its settings and options, then exits.
    case admin(AdminCommand, Configuration, ParsedOptions)

    /// Prints this help text to standard output and exits with status 0.
    case help(String)

    /// Prints this version text to standard output and exits with status 0.
    case version(String)
}

/// The commands of the `doorman` tool.
public enum DoormanCommands {
    /// The version that `doorman --version` prints.
    public static let version = "0.1.0"

    /// `doorman serve`, which takes every setting.
    public static let serve = Command(
        name: "serve",
        abstract: "Run the OAuth 2.0 provider's HTTP server.",
        options: ConfigurationOption.all
    )

    /// `doorman migrate`, which takes the storage and logging settings only.
    public static let migrate = Command(
        name: "migrate",
        abstract: "Create the database or apply pending migrations to it, then exit.",
        options: ConfigurationOption.storageAndLogging
    )

    /// `doorman`, the root command.
    public static let root = Command(
        name: "doorman",
        abstract: "Doorman, an OAuth 2.0 provider.",
        subcommands: [serve, migrate, CleanupCommand.definition] + AdminCommand.groups,
        version: "doorman \(version)"
    )
}

/// Parses `doorman`'s command line.
///
/// - Parameters:
///   - arguments: the arguments without the program name, such as `Array(CommandLine.arguments.dropFirst())`.
///   - environment: the process environment, such as `ProcessInfo.processInfo.environment`.
/// - Throws: a `CommandLineError` to print to standard error before exiting with its `exitCode`.
public func parseCommandLine(
    _ arguments: [String],
    environment: [String: String]
) throws(CommandLineError) -> ParsedCommand {
    let result = try CommandLineParser(root: DoormanCommands.root).parse(arguments, environment: environment)
    switch result {
    case .help(let text):
        return .help(text)
    case .version(let text):
        return .version(text)
    case .run(let path, let configuration, let options):
        switch path {
        case [DoormanCommands.serve.name]:
            return .serve(configuration)
        case [DoormanCommands.migrate.name]:
            return .migrate(configuration)
        case [CleanupCommand.definition.name]:
            return .cleanup(configuration, options)
        default:
            guard let command = AdminCommand(path: path) else {
                preconditionFailure("doorman command \(path) is in DoormanCommands.root but not in ParsedCommand")
            }
            return .admin(command, configuration, options)
        }
    }
}
