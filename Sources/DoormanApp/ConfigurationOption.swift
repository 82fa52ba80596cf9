/// One setting of `Configuration`: its flag, environment variable, unit, default, help text and parser.
///
/// `ConfigurationOption.all` is the single list that loading, help text and tests read. The flag is
/// `--<name>` and the environment variable is `DOORMAN_` followed by the name in upper snake case,
/// so the two spellings always correspond one to one.
public struct ConfigurationOption: Sendable {
    /// The name without dashes, such as `data-dir`.
    public let name: String

    /// The placeholder for the value in help text, such as `address` or `bytes`.
    public let valueName: String

    /// The unit of the value, such as `bytes` or `seconds`, or `nil` when it has none.
    public let unit: String?

    /// One sentence that describes what the setting controls.
    public let help: String

    /// The description of valid values that completes "expected …", such as "an integer from 0 to 65535".
    public let expected: String

    /// The default as help text shows it, when `Configuration()` cannot show it (a derived default).
    let defaultOverride: String?

    /// Parses a raw value and stores it in the configuration, or throws why it was rejected.
    let parseAndStore: @Sendable (String, inout Configuration) throws(RejectedValue) -> Void

    /// Returns the current value of the setting as text.
    let describe: @Sendable (Configuration) -> String

    /// The command-line flag, such as `--data-dir`.
    public var flag: String {
        "--" + name
    }

    /// The environment variable, such as `DOORMAN_DATA_DIR`.
    public var environmentVariable: String {
        "DOORMAN_" + String(name.uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// The default value as help text shows it, such as `8080`.
    public var defaultDescription: String {
        defaultOverride ?? describe(Configuration())
    }

    /// Returns the setting's value in `configuration` as text, such as `8080`.
    public func value(in configuration: Configuration) -> String {
        describe(configuration)
    }

    /// Parses `value` and stores it in `configuration`, or throws `.invalidValue` naming this setting.
    ///
    /// A database URL in the error has its password replaced with `***`.
    public func apply(_ value: String, to configuration: inout Configuration) throws(ConfigurationError) {
        do {
            try parseAndStore(value, &configuration)
        } catch {
            throw .invalidValue(
                flag: flag,
                environmentVariable: environmentVariable,
                value: redactingPassword(in: value),
                reason: error.reason ?? "expected \(expected)"
            )
        }
    }
}

/// A parser's rejection of a value. When set, `reason` replaces "expected <option.expected>" in the message.
struct RejectedValue: Error {
    var reason: String?
}
