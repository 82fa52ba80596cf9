/// An option that belongs to one command, such as `--username` of `doorman user create`.
///
/// Unlike a `ConfigurationOption`, it has no environment variable and no place in `Configuration`:
/// the parser collects its values into `ParsedOptions`. The kinds follow swift-argument-parser's
/// `@Option` (one value or repeated values) and `@Flag` (no value).
public struct CommandOption: Sendable, Equatable {
    /// The form of an option on the command line.
    public enum Kind: Sendable, Equatable {
        /// One value, as in `--name VALUE` or `--name=VALUE`. When given twice, the last value wins.
        case string

        /// One value per occurrence, all kept in order, as in `--product A --product B`.
        case repeatableString

        /// One decimal integer in `range`.
        case integer(range: ClosedRange<Int>)

        /// No value: present or absent.
        case flag
    }

    /// The name without dashes, such as `callback-url`.
    public let name: String

    /// The form of the option on the command line.
    public let kind: Kind

    /// The placeholder for the value in help text, such as `url`, or empty for a flag.
    public let valueName: String

    /// The unit of the value, such as `cents` or `days`, or `nil` when it has none.
    public let unit: String?

    /// One or two sentences that describe what the option sets.
    public let help: String

    /// The description of valid values that completes "expected …", or empty for a flag.
    public let expected: String

    /// Whether the command fails when the option is missing.
    public let isRequired: Bool

    /// The value that the command uses when the option is missing, as help text shows it, or `nil` when required.
    public let defaultDescription: String?

    /// Creates an option that takes one value.
    public static func string(
        _ name: String, valueName: String, help: String, expected: String, isRequired: Bool = false,
        defaultDescription: String? = nil
    ) -> CommandOption {
        CommandOption(
            name: name, kind: .string, valueName: valueName, unit: nil, help: help, expected: expected,
            isRequired: isRequired, defaultDescription: isRequired ? nil : defaultDescription ?? "none")
    }

    /// Creates an option that may be given several times and keeps every value.
    public static func repeatableString(
        _ name: String, valueName: String, help: String, expected: String, isRequired: Bool = false
    ) -> CommandOption {
        CommandOption(
            name: name, kind: .repeatableString, valueName: valueName, unit: nil, help: help, expected: expected,
            isRequired: isRequired, defaultDescription: isRequired ? nil : "none")
    }

    /// Creates an option that takes a decimal integer in `range`.
    public static func integer(
        _ name: String, valueName: String, unit: String?, range: ClosedRange<Int>, help: String,
        isRequired: Bool = false, defaultDescription: String? = nil
    ) -> CommandOption {
        CommandOption(
            name: name, kind: .integer(range: range), valueName: valueName, unit: unit, help: help,
            expected: "an integer from \(range.lowerBound) to \(range.upperBound)", isRequired: isRequired,
            defaultDescription: isRequired ? nil : defaultDescription ?? "none")
    }

    /// Creates a flag, which is off unless given.
    public static func flag(_ name: String, help: String) -> CommandOption {
        CommandOption(
            name: name, kind: .flag, valueName: "", unit: nil, help: help, expected: "", isRequired: false,
            defaultDescription: "off")
    }

    /// The command-line spelling, such as `--callback-url`.
    public var flag: String {
        "--" + name
    }

    /// Whether the option takes a value after it.
    public var takesValue: Bool {
        kind != .flag
    }

    /// The option as usage and help text show it, such as `--price <cents>` or `--json`.
    var label: String {
        takesValue ? "\(flag) <\(valueName)>" : flag
    }
}
