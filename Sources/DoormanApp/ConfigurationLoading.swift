extension Configuration {
    /// Loads the configuration of `doorman serve` from its arguments and the environment.
    ///
    /// - Parameters:
    ///   - arguments: the arguments after `serve`, as `--flag value` or `--flag=value`.
    ///   - environment: the process environment, such as `ProcessInfo.processInfo.environment`.
    /// - Throws: the first unknown option, missing value or unexpected argument in `arguments`;
    ///   otherwise the first invalid value in the order of `ConfigurationOption.all`, then a
    ///   `--sign-in-max-delay` below `--sign-in-delay`.
    public static func load(
        arguments: [String],
        environment: [String: String]
    ) throws(ConfigurationError) -> Configuration {
        let configuration = try load(
            arguments: arguments, environment: environment, options: ConfigurationOption.all, command: "doorman serve")
        try configuration.checkSignInDelays()
        return configuration
    }

    /// Rejects a maximum sign-in delay below the first delay, because doubling could never stay under it.
    func checkSignInDelays() throws(ConfigurationError) {
        guard signInMaxDelay < signInDelay else {
            return
        }
        let option = ConfigurationOption.signInMaxDelay
        throw .invalidValue(
            flag: option.flag, environmentVariable: option.environmentVariable, value: String(signInMaxDelay),
            reason:
                "expected at least the \(signInDelay) seconds of --sign-in-delay; raise it or lower --sign-in-delay")
    }

    /// Loads a configuration in which only `options` can be set, for a command such as `migrate`.
    ///
    /// Each option takes its flag's value if given, else its environment variable's value, else the
    /// default. When one flag appears twice, the last value wins. Environment variables of other
    /// options are ignored. An unset database URL follows the data directory.
    ///
    /// - Parameter command: the command's full name, such as `doorman migrate`, for error messages.
    public static func load(
        arguments: [String],
        environment: [String: String],
        options: [ConfigurationOption],
        command: String
    ) throws(ConfigurationError) -> Configuration {
        let flagValues = try parseFlags(arguments, options: options, command: command)
        var configuration = Configuration()
        var isDatabaseURLSet = false

        for option in options {
            guard let value = flagValues[option.name] ?? environment[option.environmentVariable] else {
                continue
            }
            try option.apply(value, to: &configuration)
            if option.name == ConfigurationOption.databaseURL.name {
                isDatabaseURLSet = true
            }
        }

        if !isDatabaseURLSet {
            configuration.databaseURL = defaultDatabaseURL(dataDirectory: configuration.dataDirectory)
        }
        return configuration
    }

    /// Returns the raw value of each flag in `arguments`, keyed by option name.
    ///
    /// A flag followed by an argument that starts with `--` has no value, so a value that starts
    /// with `--` must be written as `--flag=--value`.
    static func parseFlags(
        _ arguments: [String],
        options: [ConfigurationOption],
        command: String
    ) throws(ConfigurationError) -> [String: String] {
        var values: [String: String] = [:]
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            guard argument.hasPrefix("-") else {
                throw .unexpectedArgument(argument, command: command)
            }

            let (flag, inlineValue) = splitFlag(argument)
            guard let option = options.first(where: { $0.flag == flag }) else {
                throw .unknownOption(flag, suggestion: closestFlag(to: flag, in: options.map(\.flag)), command: command)
            }

            if let inlineValue {
                values[option.name] = inlineValue
                index += 1
                continue
            }
            let valueIndex = index + 1
            guard valueIndex < arguments.endIndex, !arguments[valueIndex].hasPrefix("--") else {
                throw .missingValue(
                    flag: option.flag, environmentVariable: option.environmentVariable, expected: option.expected)
            }
            values[option.name] = arguments[valueIndex]
            index += 2
        }
        return values
    }

    /// Splits `--flag=value` into the flag and the value; returns no value when there is no `=`.
    static func splitFlag(_ argument: String) -> (flag: String, value: String?) {
        guard let equals = argument.firstIndex(of: "=") else {
            return (argument, nil)
        }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

}

/// Returns the flag among `flags` within two edits of `flag`, to suggest for a typo.
func closestFlag(to flag: String, in flags: [String]) -> String? {
    let candidates = flags.map { ($0, editDistance(flag, $0)) }.filter { $0.1 <= 2 }
    return candidates.min { $0.1 < $1.1 }?.0
}

/// Returns the Levenshtein distance between two strings: the fewest insertions, deletions and
/// substitutions of characters that turn one into the other.
func editDistance(_ source: String, _ target: String) -> Int {
    let source = Array(source)
    let target = Array(target)
    var previousRow = Array(0...target.count)

    for (sourceIndex, sourceCharacter) in source.enumerated() {
        var currentRow = [sourceIndex + 1]
        for (targetIndex, targetCharacter) in target.enumerated() {
            let substitution = previousRow[targetIndex] + (sourceCharacter == targetCharacter ? 0 : 1)
            let deletion = previousRow[targetIndex + 1] + 1
            let insertion = currentRow[targetIndex] + 1
            currentRow.append(min(substitution, deletion, insertion))
        }
        previousRow = currentRow
    }
    return previousRow[target.count]
}
