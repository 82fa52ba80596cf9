/// The outcome of parsing a command line against a `Command` tree.
public enum CommandLineResult: Sendable, Equatable {
    /// Runs the command at `path`, such as `["user", "create"]`, with the parsed settings and the
    /// values of the command's own options.
    case run(path: [String], configuration: Configuration, options: ParsedOptions)

    /// Prints this help text to standard output and exits with status 0.
    case help(String)

    /// Prints this version text to standard output and exits with status 0.
    case version(String)
}

/// A parser for command lines of the form `tool [subcommand ...] [--flag value | --flag=value | --flag ...]`.
///
/// It recognizes `--help` and `-h` anywhere after the command path, `help [subcommand ...]` as the
/// first argument, and `--version` on a command that has a version.
public struct CommandLineParser: Sendable {
    /// The tool's top command, whose name is the tool's name.
    public let root: Command

    /// Creates a parser for the commands under `root`.
    public init(root: Command) {
        self.root = root
    }

    /// Parses `arguments`, which exclude the program name, reading settings from `environment` too.
    ///
    /// - Throws: a `CommandLineError` with exit status 2 for an unknown command or option, a
    ///   missing value or an invalid value.
    public func parse(
        _ arguments: [String],
        environment: [String: String]
    ) throws(CommandLineError) -> CommandLineResult {
        if arguments.first == "help", root.subcommand(named: "help") == nil {
            return .help(HelpText.render(try resolvePath(Array(arguments.dropFirst()))))
        }

        var path = [root]
        var index = arguments.startIndex
        while let command = path.last, !command.subcommands.isEmpty {
            guard index < arguments.endIndex else {
                return .help(HelpText.render(path))
            }
            let argument = arguments[index]
            if Self.isHelpFlag(argument) {
                return .help(HelpText.render(path))
            }
            if argument == "--version", let version = command.version {
                return .version(version)
            }
            path.append(try subcommand(argument, of: path))
            index += 1
        }

        return try runResult(path: path, arguments: Array(arguments[index...]), environment: environment)
    }

    /// Returns the help text of the command at `path`, such as `["user", "create"]`.
    public func helpText(for path: [String]) throws(CommandLineError) -> String {
        HelpText.render(try resolvePath(path))
    }

    /// Parses the settings and the command's own options of the leaf command at the end of `path`.
    private func runResult(
        path: [Command],
        arguments: [String],
        environment: [String: String]
    ) throws(CommandLineError) -> CommandLineResult {
        if arguments.contains(where: Self.isHelpFlag) {
            return .help(HelpText.render(path))
        }

        let command = path[path.count - 1]
        let name = HelpText.fullName(path)
        let scanned = try OptionScanner(
            commandOptions: command.commandOptions, settings: command.options, commandName: name
        ).scan(arguments)
        do {
            let configuration = try Configuration.load(
                arguments: scanned.settingArguments, environment: environment, options: command.options, command: name)
            return .run(path: path.dropFirst().map(\.name), configuration: configuration, options: scanned.options)
        } catch {
            throw CommandLineError(message: error.description)
        }
    }

    /// Returns the subcommand that `argument` names, or throws a usage error that lists the choices.
    private func subcommand(_ argument: String, of path: [Command]) throws(CommandLineError) -> Command {
        let command = path[path.count - 1]
        let name = HelpText.fullName(path)
        if argument.hasPrefix("-") {
            throw CommandLineError(message: "unknown option \(argument); run \"\(name) --help\" for the options")
        }
        if command.subcommands.isEmpty {
            throw CommandLineError(message: "unexpected argument \(quoted(argument)): \(name) has no subcommands")
        }
        guard let subcommand = command.subcommand(named: argument) else {
            let choices = command.subcommands.map(\.name).joined(separator: ", ")
            throw CommandLineError(
                message: "unknown command \(quoted(argument)) for \(name); expected one of \(choices)")
        }
        return subcommand
    }

    /// Returns the commands from the root to the one that `names` reaches, for `help` requests.
    private func resolvePath(_ names: [String]) throws(CommandLineError) -> [Command] {
        var path = [root]
        for name in names {
            path.append(try subcommand(name, of: path))
        }
        return path
    }

    private static func isHelpFlag(_ argument: String) -> Bool {
        argument == "--help" || argument == "-h"
    }
}
