import Testing

@testable import DoormanApp

/// A tool with a `user` group that contains `create` and `delete`, to exercise nested subcommands.
private let parser = CommandLineParser(
    root: Command(
        name: "tool",
        abstract: "A tool with nested commands.",
        subcommands: [
            Command(
                name: "user",
                abstract: "Manage user accounts.",
                discussion: "Each subcommand changes the database directly.\n\nStop the server first.",
                subcommands: [
                    Command(
                        name: "create", abstract: "Create a user account.",
                        options: ConfigurationOption.storageAndLogging),
                    Command(name: "delete", abstract: "Delete a user account."),
                ]
            ),
        ],
        version: "tool 1.0"
    )
)

@Suite struct NestedCommandTests {
    private func helpText(_ arguments: [String]) throws -> String {
        let result = try parser.parse(arguments, environment: [:])
        guard case .help(let text) = result else {
            Issue.record("expected help for \(arguments), got \(result)")
            return ""
        }
        return text
    }

    @Test func nestedCommandRuns() throws {
        let result = try parser.parse(
            ["user", "create", "--data-dir", "state"], environment: ["DOORMAN_LOG_LEVEL": "debug"])
        var expected = Configuration()
        expected.dataDirectory = "state"
        expected.databaseURL = "sqlite:state/doorman.sqlite3"
        expected.logLevel = .debug

        #expect(result == .run(path: ["user", "create"], configuration: expected, options: ParsedOptions()))
    }

    @Test func commandWithoutOptionsRuns() throws {
        let result = try parser.parse(["user", "delete"], environment: [:])

        #expect(result == .run(path: ["user", "delete"], configuration: Configuration(), options: ParsedOptions()))
    }

    @Test(arguments: [["user"], ["user", "--help"], ["help", "user"]])
    func groupHelp(arguments: [String]) throws {
        let text = try helpText(arguments)

        #expect(text.hasPrefix("OVERVIEW: Manage user accounts.\n\nEach subcommand changes the database directly."))
        #expect(text.contains("directly.\n\nStop the server first.\n\nUSAGE:"))
        #expect(text.contains("USAGE: tool user <subcommand>"))
        #expect(text.contains("\n  create  "))
        #expect(text.contains("\n  delete  "))
        #expect(text.contains("See 'tool help user <subcommand>' for detailed help."))
        #expect(!text.contains("--version"))
    }

    @Test(arguments: [["user", "create", "--help"], ["help", "user", "create"], ["user", "create", "-h"]])
    func nestedLeafHelp(arguments: [String]) throws {
        let text = try helpText(arguments)

        #expect(text.hasPrefix("OVERVIEW: Create a user account.\n"))
        #expect(text.contains("USAGE: tool user create [<options>]"))
        #expect(text.contains("env: DOORMAN_DATA_DIR, default: data"))
    }

    @Test func leafWithoutOptionsHelp() throws {
        let text = try helpText(["user", "delete", "--help"])

        #expect(text.contains("USAGE: tool user delete\n"))
        #expect(text.contains("-h, --help"))
        #expect(!text.contains("Flags override"))
    }

    @Test func unknownNestedCommand() {
        let error = #expect(throws: CommandLineError.self) {
            try parser.parse(["user", "rename"], environment: [:])
        }

        #expect(error?.exitCode == CommandLineError.usageExitCode)
        #expect(error?.message == #"unknown command "rename" for tool user; expected one of create, delete"#)
    }

    @Test func nestedOptionErrorNamesCommand() {
        let error = #expect(throws: CommandLineError.self) {
            try parser.parse(["user", "create", "--port", "1"], environment: [:])
        }

        #expect(error?.exitCode == 2)
        #expect(error?.message == #"unknown option --port; run "tool user create --help" for the options"#)
    }

    @Test func rootVersion() throws {
        #expect(try parser.parse(["--version"], environment: [:]) == .version("tool 1.0"))
    }

    @Test func helpTextForPath() throws {
        let text = try parser.helpText(for: ["user", "create"])

        #expect(text.contains("USAGE: tool user create [<options>]"))
    }

    @Test func wrapSplitsAtSpaces() {
        #expect(HelpText.wrap("aa bb cc dd", width: 5) == ["aa bb", "cc dd"])
        #expect(HelpText.wrap("averylongword b", width: 5) == ["averylongword", "b"])
        #expect(HelpText.wrap("", width: 5) == [])
    }
}
