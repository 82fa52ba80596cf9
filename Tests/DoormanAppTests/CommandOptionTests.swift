import Testing

@testable import DoormanApp

/// A tool whose one command has an option of every kind next to the storage settings.
private let price = CommandOption.integer(
    "price", valueName: "amount", unit: "cents", range: 0...100, help: "Price.", isRequired: true)
private let tag = CommandOption.repeatableString("tag", valueName: "word", help: "Tag.", expected: "a word")
private let label = CommandOption.string("label", valueName: "text", help: "Label.", expected: "any text")
private let loud = CommandOption.flag("loud", help: "Be loud.")
private let parser = CommandLineParser(
    root: Command(
        name: "tool", abstract: "A tool.",
        subcommands: [
            Command(
                name: "sell", abstract: "Sell.", options: ConfigurationOption.storageAndLogging,
                commandOptions: [price, tag, label, loud])
        ]))

@Suite struct CommandOptionTests {
    private func parse(_ arguments: [String]) throws -> (Configuration, ParsedOptions) {
        let result = try parser.parse(arguments, environment: [:])
        guard case .run(_, let configuration, let options) = result else {
            Issue.record("expected a command to run for \(arguments), got \(result)")
            return (Configuration(), ParsedOptions())
        }
        return (configuration, options)
    }

    private func usageError(_ arguments: [String]) -> CommandLineError? {
        #expect(throws: CommandLineError.self) {
            try parser.parse(arguments, environment: [:])
        }
    }

    @Test func everyKindParses() throws {
        let (configuration, options) = try parse(
            [
                "sell", "--tag", "b", "--price=42", "--data-dir", "state", "--loud", "--tag=a", "--label", "x",
                "--label", "y",
            ])

        #expect(options.integer(price) == 42)
        #expect(options.strings(tag) == ["b", "a"])
        #expect(options.string(label) == "y")
        #expect(options.flag(loud))
        #expect(configuration.dataDirectory == "state")
        #expect(configuration.databaseURL == "sqlite:state/doorman.sqlite3")
    }

    @Test func absentOptions() throws {
        let (_, options) = try parse(["sell", "--price", "0"])

        #expect(options.strings(tag).isEmpty)
        #expect(options.string(label) == nil)
        #expect(!options.flag(loud))
    }

    @Test func valueMayStartWithOneDash() throws {
        let (_, options) = try parse(["sell", "--price", "1", "--label", "-x", "--tag=--y"])

        #expect(options.string(label) == "-x")
        #expect(options.strings(tag) == ["--y"])
    }

    @Test(arguments: [
        (["sell", "--price", "101"], #"invalid value "101" for --price: expected an integer from 0 to 100"#),
        (["sell", "--price", "ten"], #"invalid value "ten" for --price: expected an integer from 0 to 100"#),
        (
            ["sell", "--price"],
            "missing value for --price: expected an integer from 0 to 100, as in --price VALUE "
                + "or --price=VALUE"
        ),
        (
            ["sell", "--price", "1", "--label", "--loud"],
            "missing value for --label: expected any text, as in "
                + "--label VALUE or --label=VALUE"
        ),
        (
            ["sell", "--price", "1", "--loud=yes"],
            #"invalid value "yes" for --loud: the flag takes no value, "#
                + "so write --loud alone"
        ),
        (
            ["sell"],
            #"missing required option --price <amount> (an integer from 0 to 100); run "tool sell --help" "#
                + "for the options"
        ),
        (
            ["sell", "--price", "1", "--lable", "x"],
            #"unknown option --lable (did you mean --label?); run "tool sell --help" for the options"#
        ),
        (
            ["sell", "--price", "1", "extra"],
            #"unexpected argument "extra": tool sell takes options only; run "tool sell --help" for the options"#
        ),
        (
            ["sell", "--price", "1", "--log-level", "loud"],
            #"invalid value "loud" for --log-level (DOORMAN_LOG_LEVEL): expected one of trace, debug, info, notice, "#
                + "warning, error, critical"
        ),
        (
            ["sell", "--price", "1", "--data-dir"],
            "missing value for --data-dir (DOORMAN_DATA_DIR): expected a "
                + "directory path, as in --data-dir VALUE or --data-dir=VALUE"
        ),
    ])
    func usageErrors(arguments: [String], message: String) {
        let error = usageError(arguments)

        #expect(error?.exitCode == 2)
        #expect(error?.message == message)
    }

    @Test func helpListsEveryKind() throws {
        let text = try parser.helpText(for: ["sell"])

        #expect(text.contains("USAGE: tool sell --price <amount> [<options>]\n"))
        #expect(
            text.contains(
                "  --price <amount>\n      Price.\n      accepts: an integer from 0 to 100\n"
                    + "      unit: cents, required\n"))
        #expect(text.contains("  --tag <word>\n      Tag.\n      accepts: a word\n      repeatable, default: none\n"))
        #expect(text.contains("  --loud\n      Be loud.\n      default: off\n"))
        #expect(text.contains("  --data-dir <path>\n"))
        #expect(text.contains("env: DOORMAN_DATA_DIR, default: data"))
    }
}
