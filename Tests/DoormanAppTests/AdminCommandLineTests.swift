import Testing

@testable import DoormanApp

@Suite struct AdminCommandLineTests {
    static let adminPaths = AdminCommand.allCases.map(\.path)

    @Test(arguments: adminPaths)
    func adminHelpListsEveryOption(path: [String]) throws {
        let command = try #require(AdminCommand(path: path))
        let text = try helpText(["help"] + path)

        let usageStart = try #require(text.range(of: "USAGE: "))
        let usageEnd = try #require(text.range(of: "\n\nOPTIONS:"))
        let usage = text[usageStart.upperBound..<usageEnd.lowerBound]

        #expect(text.hasPrefix("OVERVIEW: \(command.definition.abstract)\n"))
        for option in command.definition.commandOptions {
            let details = option.defaultDescription.map { "default: \($0)" } ?? "required"
            #expect(text.contains("\n  \(option.label)\n      "), "\(option.flag)")
            #expect(text.contains(details), "\(option.flag)")
            #expect(usage.contains(option.label) == option.isRequired, "\(option.flag) in usage")
        }
        for option in ConfigurationOption.storageAndLogging {
            #expect(text.contains("\n  \(option.flag) <\(option.valueName)>\n"), "\(option.flag)")
        }
        #expect(!text.contains("--port"))
    }

    @Test(arguments: adminPaths)
    func adminHelpFitsWidth(path: [String]) throws {
        let long = try helpText(path + ["--help"]).split(separator: "\n").map(String.init).filter { $0.count > 80 }

        #expect(long.isEmpty, "\(long)")
    }

    @Test func planHelpShowsUnits() throws {
        let text = try helpText(["plan", "create", "--help"])

        #expect(text.contains("unit: minor currency units, such as cents, required"))
        #expect(text.contains("unit: days, default: 0, no trial"))
    }

    @Test func rootListsAdminGroups() throws {
        let text = try helpText(["--help"])

        for group in ["user", "company", "product", "plan", "membership", "webapp"] {
            #expect(text.contains("\n  \(group) "), "\(group)")
        }
    }

    @Test func adminCommandParses() throws {
        let parsed = try parseCommandLine(
            [
                "webapp", "create", "--name", "Site", "--callback-url", "https://a.example/cb", "--product", "prod_1",
                "--public", "--data-dir", "state",
            ],
            environment: ["DOORMAN_LOG_LEVEL": "error"])
        guard case .admin(let command, let configuration, let options) = parsed else {
            Issue.record("expected an administration command, got \(parsed)")
            return
        }

        #expect(command == .createWebApp)
        #expect(configuration.dataDirectory == "state")
        #expect(configuration.logLevel == .error)
        #expect(options.strings(WebAppCommands.callbackURL) == ["https://a.example/cb"])
        #expect(options.flag(WebAppCommands.isPublic))
        #expect(!options.flag(AdminOptions.json))
    }

    private func helpText(_ arguments: [String]) throws -> String {
        let parsed = try parseCommandLine(arguments, environment: [:])
        guard case .help(let text) = parsed else {
            Issue.record("expected help for \(arguments), got \(parsed)")
            return ""
        }
        return text
    }
}
