import DoormanHTTP

/// The output of a successful administration command: a short text for people, or one JSON object.
public struct AdminOutput: Sendable, Equatable {
    /// One or a few lines for a person at a terminal, without a trailing newline.
    public var text: String

    /// The created or changed record, with snake_case keys as the OAuth API spells its fields.
    public var json: JSONValue

    /// Creates an output from both forms.
    public init(text: String, json: JSONValue) {
        self.text = text
        self.json = json
    }

    /// Returns the form that `--json` selects, without a trailing newline.
    public func rendered(asJSON: Bool) -> String {
        asJSON ? json.serializedString() : text
    }
}

extension JSONValue {
    /// Creates a JSON string, or `null` when `value` is nil.
    static func optional(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// Creates a JSON number, or `null` when `value` is nil.
    static func optional(_ value: Int64?) -> JSONValue {
        value.map { .number(JSONNumber($0)) } ?? .null
    }

    /// Creates a JSON number from an integer.
    static func integer(_ value: some BinaryInteger) -> JSONValue {
        .number(JSONNumber(value))
    }

    /// Creates a JSON array of strings.
    static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }
}
