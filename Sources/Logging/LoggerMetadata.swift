extension Logger {
    /// Structured context attached to a log record, keyed by name such as `request.id`.
    public typealias Metadata = [String: MetadataValue]

    /// A metadata value: a string, a value printed with its description, or a nested dictionary or array.
    public enum MetadataValue: Sendable {
        /// A string value.
        case string(String)

        /// A value printed with its `description` when the record is written.
        case stringConvertible(any CustomStringConvertible & Sendable)

        /// A nested dictionary of metadata.
        case dictionary(Metadata)

        /// A list of metadata values.
        case array([MetadataValue])
    }
}

extension Logger.Metadata {
    /// The type of a metadata value, as in `Logger.Metadata.Value`.
    public typealias Value = Logger.MetadataValue
}

extension Logger.MetadataValue: Equatable {
    /// Compares two values; `stringConvertible` values are equal when their descriptions are.
    public static func == (lhs: Logger.MetadataValue, rhs: Logger.MetadataValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)):
            left == right
        case (.stringConvertible(let left), .stringConvertible(let right)):
            left.description == right.description
        case (.dictionary(let left), .dictionary(let right)):
            left == right
        case (.array(let left), .array(let right)):
            left == right
        default:
            false
        }
    }
}

extension Logger.MetadataValue: CustomStringConvertible {
    /// The value as text: strings as they are, dictionaries as `[key: value]` sorted by key, arrays as `[a, b]`.
    public var description: String {
        switch self {
        case .string(let string):
            return string
        case .stringConvertible(let value):
            return value.description
        case .dictionary(let dictionary):
            let entries = dictionary.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.description)" }
            return "[" + entries.joined(separator: ", ") + "]"
        case .array(let array):
            return "[" + array.map(\.description).joined(separator: ", ") + "]"
        }
    }
}

extension Logger.MetadataValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// Creates a `.string` value from a string literal or interpolation.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension Logger.MetadataValue: ExpressibleByDictionaryLiteral {
    /// Creates a `.dictionary` value from a dictionary literal.
    public init(dictionaryLiteral elements: (String, Logger.MetadataValue)...) {
        self = .dictionary(Logger.Metadata(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension Logger.MetadataValue: ExpressibleByArrayLiteral {
    /// Creates an `.array` value from an array literal.
    public init(arrayLiteral elements: Logger.MetadataValue...) {
        self = .array(elements)
    }
}
