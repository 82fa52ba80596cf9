/// The values of a command's own options, as the parser found them on the command line.
///
/// The parser has already checked each value against its option's kind, so `integer(_:)` returns a
/// number in the option's range and every required option has a value.
public struct ParsedOptions: Sendable, Equatable {
    /// Every value given, keyed by option name, in command-line order. A flag has one empty value.
    public private(set) var values: [String: [String]]

    /// Creates an empty set of values, as for a command line that gives no option.
    public init() {
        values = [:]
    }

    /// Creates values keyed by option name, in command-line order.
    public init(values: [String: [String]]) {
        self.values = values
    }

    /// Appends `value` to the values of `option`.
    mutating func append(_ value: String, for option: CommandOption) {
        values[option.name, default: []].append(value)
    }

    /// Returns the last value of `option`, or `nil` when it was not given.
    public func string(_ option: CommandOption) -> String? {
        values[option.name]?.last
    }

    /// Returns every value of `option` in command-line order, or an empty list.
    public func strings(_ option: CommandOption) -> [String] {
        values[option.name] ?? []
    }

    /// Returns the last value of an integer option, or `nil` when it was not given.
    public func integer(_ option: CommandOption) -> Int? {
        string(option).flatMap { Int($0) }
    }

    /// Returns whether a flag was given.
    public func flag(_ option: CommandOption) -> Bool {
        values[option.name] != nil
    }

    /// Returns the last value of a required option.
    ///
    /// The parser rejects a command line without it, so a missing value here is a programmer mistake:
    /// the option is not declared required, or these values did not come from the parser.
    public func required(_ option: CommandOption) -> String {
        guard let value = string(option) else {
            preconditionFailure("required option \(option.flag) has no value; declare it with isRequired: true")
        }
        return value
    }
}
