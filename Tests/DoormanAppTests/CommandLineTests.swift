import Testing

@testable import DoormanApp

@Suite struct CommandLineTests {
    private func helpText(_ arguments: [String]) throws -> String {
        let parsed = try parseCommandLine(arguments, environment: [:])
        guard case .help(let text) = parsed else {
            Issue.record("expected help for \(arguments), got \(parsed)")
            return ""
        }
        return text
    }

    private func usageError(_ arguments: [String], environment: [String: String] = [:]) -> CommandLineError? {
        #expect(throws: CommandLineError.self) {
            try parseCommandLine(arguments, environment: environment)
        }
    }

    @Test(arguments: [[], ["--help"], ["-h"], ["help"]])
    func rootHelp(arguments: [String]) throws {
        let text = try helpText(arguments)

        #expect(text.hasPrefix("OVERVIEW: Doorman, an OAuth 2.0 provider.\n"))
        #expect(text.contains("USAGE: doorman <subcommand>"))
        #expect(text.contains("\n  serve "))
        #expect(text.contains("\n  migrate "))
        #expect(text.contains("--version"))
        #expect(text.contains("See 'doorman help <subcommand>' for detailed help."))
    }

    @Test func version() throws {
        let parsed = try parseCommandLine(["--version"], environment: [:])

        #expect(parsed == .version("doorman \(DoormanCommands.version)"))
    }

    @Test func serveDefaults() throws {
        let parsed = try parseCommandLine(["serve"], environment: [:])

        #expect(parsed == .serve(Configuration()))
    }

    @Test func serveReadsFlagsAndEnvironment() throws {
        let parsed = try parseCommandLine(
            ["serve", "--port=9000", "--threads", "3"],
            environment: ["DOORMAN_LOG_FORMAT": "json", "DOORMAN_PORT": "1"]
        )
        var expected = Configuration()
        expected.port = 9000
        expected.threads = 3
        expected.logFormat = .json

        #expect(parsed == .serve(expected))
    }

    @Test func migrateReadsStorageOptions() throws {
        let parsed = try parseCommandLine(["migrate", "--data-dir", "state"], environment: [:])
        var expected = Configuration()
        expected.dataDirectory = "state"
        expected.databaseURL = "sqlite:state/doorman.sqlite3"

        #expect(parsed == .migrate(expected))
    }

    @Test(arguments: [["serve", "--help"], ["serve", "-h"], ["help", "serve"], ["serve", "--port", "80", "--help"]])
    func serveHelp(arguments: [String]) throws {
        let text = try helpText(arguments)

        #expect(text.hasPrefix("OVERVIEW: Run the OAuth 2.0 provider's HTTP server"))
        #expect(text.contains("USAGE: doorman serve [<options>]"))
        #expect(text.contains("Flags override environment variables, which override the defaults."))
    }

    @Test(arguments: ConfigurationOption.all.map(\.name))
    func serveHelpListsOption(name: String) throws {
        let option = try #require(ConfigurationOption.all.first { $0.name == name })
        let lines = try helpText(["serve", "--help"]).split(separator: "\n").map(String.init)
        let unit = option.unit.map { ", unit: \($0)" } ?? ""
        let details = "      env: \(option.environmentVariable)\(unit), default: \(option.defaultDescription)"
        let flagIndex = try #require(lines.firstIndex(of: "  \(option.flag) <\(option.valueName)>"))
        let entry = lines[(flagIndex + 1)...].prefix { $0.hasPrefix("      ") }

        #expect(entry.contains(details))
        #expect(entry.contains("      accepts: \(option.expected)"))
        #expect(entry.first?.hasPrefix("      " + option.help.prefix(20)) == true)
    }

    @Test func helpLinesFitWidth() throws {
        for arguments in [["--help"], ["serve", "--help"], ["migrate", "--help"]] {
            let text = try helpText(arguments)
            let long = text.split(separator: "\n").filter { $0.count > 80 }

            #expect(long.isEmpty, "\(arguments): \(long)")
        }
    }

    @Test func migrateHelpListsOnlyItsOptions() throws {
        let text = try helpText(["migrate", "--help"])

        #expect(text.contains("--data-dir <path>"))
        #expect(text.contains("--database-url <url>"))
        #expect(text.contains("--log-level <level>"))
        #expect(text.contains("--log-format <format>"))
        #expect(!text.contains("--port"))
        #expect(!text.contains("--host"))
    }

    @Test func unknownCommand() {
        let error = usageError(["serv"])

        #expect(error?.exitCode == 2)
        #expect(
            error?.message
                == #"unknown command "serv" for doorman; expected one of serve, migrate, cleanup, user, company, "#
                + "product, plan, membership, webapp")
    }

    @Test func unknownRootOption() {
        let error = usageError(["--port", "80"])

        #expect(error?.exitCode == 2)
        #expect(error?.message == #"unknown option --port; run "doorman --help" for the options"#)
    }

    @Test func unknownServeOption() {
        let error = usageError(["serve", "--prot", "80"])

        #expect(error?.exitCode == 2)
        #expect(error?.message
            == #"unknown option --prot (did you mean --port?); run "doorman serve --help" for the options"#)
    }

    @Test func migrateRejectsServeOption() {
        let error = usageError(["migrate", "--port", "80"])

        #expect(error?.exitCode == 2)
        #expect(error?.message == #"unknown option --port; run "doorman migrate --help" for the options"#)
    }

    @Test func invalidValueIsUsageError() {
        let error = usageError(["serve"], environment: ["DOORMAN_MAX_BODY_BYTES": "lots"])

        #expect(error?.exitCode == 2)
        #expect(error?.message == #"invalid value "lots" for --max-body-bytes (DOORMAN_MAX_BODY_BYTES): "#
            + "expected an integer from 1024 to 1073741824")
    }

    @Test func missingValueIsUsageError() {
        let error = usageError(["serve", "--log-level"])

        #expect(error?.exitCode == 2)
        #expect(error?.message.hasPrefix("missing value for --log-level (DOORMAN_LOG_LEVEL)") == true)
    }

    @Test func helpForUnknownCommand() {
        let error = usageError(["help", "deploy"])

        #expect(error?.exitCode == 2)
        #expect(error?.message.contains(#"unknown command "deploy""#) == true)
    }

    @Test func helpBeyondLeafCommand() {
        let error = usageError(["help", "serve", "now"])

        #expect(error?.message == #"unexpected argument "now": doorman serve has no subcommands"#)
    }

    @Test func versionOnlyOnRoot() {
        let error = usageError(["serve", "--version"])

        #expect(error?.message.hasPrefix("unknown option --version") == true)
    }
}
