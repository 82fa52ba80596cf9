/// Splits the arguments of a leaf command into its own options and its settings.
///
/// The command's own options go into `ParsedOptions`, checked against their kind. Setting flags and
/// their values pass through unchanged, so that `Configuration.load` reports their errors in the same
/// words as for `doorman serve`.
struct OptionScanner {
    /// The command's own options.
    let commandOptions: [CommandOption]

    /// The settings that the command accepts.
    let settings: [ConfigurationOption]

    /// The command's full name, such as `doorman user create`, for error messages.
    let commandName: String

    /// The result: the command's option values, and the setting arguments for `Configuration.load`.
    struct Result {
        var options = ParsedOptions()
        var settingArguments: [String] = []
    }

    /// Scans `arguments` and checks that every required option has a value.
    ///
    /// A value that starts with `--` must be written as `--flag=--value`, because `--flag --value`
    /// reads as two flags, which is the rule for settings too.
    func scan(_ arguments: [String]) throws(CommandLineError) -> Result {
        var result = Result()
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            guard argument.hasPrefix("-") else {
                throw CommandLineError(
                    message: ConfigurationError.unexpectedArgument(argument, command: commandName).description)
            }

            let (flag, inlineValue) = Configuration.splitFlag(argument)
            if let option = commandOptions.first(where: { $0.flag == flag }) {
                index = try consume(option, inlineValue: inlineValue, arguments: arguments, at: index, into: &result)
            } else if settings.contains(where: { $0.flag == flag }) {
                index = passSetting(inlineValue: inlineValue, arguments: arguments, at: index, into: &result)
            } else {
                throw unknownOption(flag)
            }
        }

        try checkRequired(result.options)
        return result
    }

    /// Stores the value of `option` found at `index` and returns the index of the next argument.
    private func consume(
        _ option: CommandOption,
        inlineValue: String?,
        arguments: [String],
        at index: Int,
        into result: inout Result
    ) throws(CommandLineError) -> Int {
        guard option.takesValue else {
            if let inlineValue {
                throw CommandLineError(
                    message: "invalid value \(quoted(inlineValue)) for \(option.flag): the flag takes no value, "
                        + "so write \(option.flag) alone")
            }
            result.options.append("", for: option)
            return index + 1
        }

        var value = inlineValue
        var next = index + 1
        if value == nil, next < arguments.endIndex, !arguments[next].hasPrefix("--") {
            value = arguments[next]
            next += 1
        }
        guard let value else {
            throw CommandLineError(
                message: "missing value for \(option.flag): expected \(option.expected), "
                    + "as in \(option.flag) VALUE or \(option.flag)=VALUE")
        }
        try check(value, for: option)
        result.options.append(value, for: option)
        return next
    }

    /// Passes a setting flag and its value, if any, through to `Configuration.load`.
    private func passSetting(inlineValue: String?, arguments: [String], at index: Int, into result: inout Result)
        -> Int
    {
        result.settingArguments.append(arguments[index])
        let next = index + 1
        guard inlineValue == nil, next < arguments.endIndex, !arguments[next].hasPrefix("--") else {
            return next
        }
        result.settingArguments.append(arguments[next])
        return next + 1
    }

    /// Throws when `value` does not fit the kind of `option`.
    private func check(_ value: String, for option: CommandOption) throws(CommandLineError) {
        guard case .integer(let range) = option.kind else {
            return
        }
        guard let number = Int(value), range.contains(number) else {
            throw CommandLineError(
                message: "invalid value \(quoted(value)) for \(option.flag): expected \(option.expected)")
        }
    }

    /// Throws for the first required option, in declaration order, that has no value.
    private func checkRequired(_ options: ParsedOptions) throws(CommandLineError) {
        guard let missing = commandOptions.first(where: { $0.isRequired && options.strings($0).isEmpty }) else {
            return
        }
        throw CommandLineError(
            message: "missing required option \(missing.label) (\(missing.expected)); "
                + "run \"\(commandName) --help\" for the options")
    }

    private func unknownOption(_ flag: String) -> CommandLineError {
        let flags = commandOptions.map(\.flag) + settings.map(\.flag)
        let error = ConfigurationError.unknownOption(
            flag, suggestion: closestFlag(to: flag, in: flags), command: commandName)
        return CommandLineError(message: error.description)
    }
}
