/// A configuration problem found while reading flags and environment variables.
///
/// `description` is the message for the user. It names the setting by flag and by environment
/// variable, shows the rejected value, and states what is accepted.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A flag or environment variable has a value that the setting does not accept.
    ///
    /// `reason` states what is accepted instead, such as "expected an integer from 0 to 65535".
    /// `value` has any password in it replaced with `***`.
    case invalidValue(flag: String, environmentVariable: String, value: String, reason: String)

    /// A flag is the last argument, or is followed by another flag, instead of by its value.
    case missingValue(flag: String, environmentVariable: String, expected: String)

    /// An argument starts with `-` but names no option of the command.
    ///
    /// `suggestion` is the closest known flag when one is close, and `command` is the command's
    /// full name, such as `doorman serve`.
    case unknownOption(String, suggestion: String?, command: String)

    /// An argument is not an option, but the command takes no positional arguments.
    case unexpectedArgument(String, command: String)

    /// The message for the user.
    public var description: String {
        switch self {
        case .invalidValue(let flag, let environmentVariable, let value, let reason):
            return "invalid value \(quoted(value)) for \(flag) (\(environmentVariable)): \(reason)"
        case .missingValue(let flag, let environmentVariable, let expected):
            return "missing value for \(flag) (\(environmentVariable)): expected \(expected), "
                + "as in \(flag) VALUE or \(flag)=VALUE"
        case .unknownOption(let option, let suggestion, let command):
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
            return "unknown option \(option)\(hint); run \"\(command) --help\" for the options"
        case .unexpectedArgument(let argument, let command):
            return "unexpected argument \(quoted(argument)): \(command) takes options only; "
                + "run \"\(command) --help\" for the options"
        }
    }
}

/// Returns `value` in double quotes, with quotes, backslashes and control characters escaped.
func quoted(_ value: String) -> String {
    value.debugDescription
}
