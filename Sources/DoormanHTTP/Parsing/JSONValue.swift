/// JSON value (RFC 8259) as parsed by `JSONParser` or built for a response.
///
/// Build values with literals: `["access_token": .string(token), "expires_in": 3600]` is an object whose
/// members keep the literal order. Serialize them with `serialized()`.
public enum JSONValue: Sendable, Equatable, ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Creates `null`.
    public init(nilLiteral: ()) {
        self = .null
    }

    /// Creates a boolean.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// Creates a number from an integer literal.
    public init(integerLiteral value: Int) {
        self = .number(JSONNumber(value))
    }

    /// Creates a number from a floating-point literal, which must be finite.
    public init(floatLiteral value: Double) {
        self = .number(JSONNumber(floatLiteral: value))
    }

    /// Creates a string.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// Creates an array.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    /// Creates an object with the members in literal order. Repeating a key is a programmer error.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        for (key, value) in elements {
            precondition(!object.contains(key), "JSON object literal repeats the key \(key)")
            object[key] = value
        }
        self = .object(object)
    }

    /// Returns whether the values are equal, comparing strings and object keys by exact UTF-8 bytes.
    ///
    /// Swift's `==` on `String` would treat canonically equivalent text as equal, so that `"a;b"` would equal
    /// `"a\u{37E}b"` (GREEK QUESTION MARK). Numbers compare by their literal text.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.number(let left), .number(let right)): left == right
        case (.string(let left), .string(let right)): isExactlyEqual(left, right)
        case (.array(let left), .array(let right)): left == right
        case (.object(let left), .object(let right)): left == right
        default: false
        }
    }

    /// Parses JSON text with the default limits of `JSONParser`.
    public static func parse(_ bytes: some Collection<UInt8>) throws(HTTPParseError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    /// Parses JSON text with the default limits of `JSONParser`.
    public static func parse(_ text: some StringProtocol) throws(HTTPParseError) -> JSONValue {
        try JSONParser().parse(text)
    }
}

extension JSONValue {
    /// Value of the object member with this key, or nil when this is not an object or has no such member.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else {
            return nil
        }
        return object[key]
    }

    /// Array element at this position, or nil when this is not an array or the position is out of range.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else {
            return nil
        }
        return elements[index]
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        self == .null
    }

    /// Boolean, or nil when this is not a boolean.
    public var boolValue: Bool? {
        guard case .bool(let value) = self else {
            return nil
        }
        return value
    }

    /// Number, or nil when this is not a number.
    public var numberValue: JSONNumber? {
        guard case .number(let value) = self else {
            return nil
        }
        return value
    }

    /// Number as the nearest `Double`, or nil when this is not a number.
    public var doubleValue: Double? {
        numberValue?.doubleValue
    }

    /// Number as an `Int`, or nil when this is not an integer literal that fits (see `JSONNumber.intValue`).
    public var intValue: Int? {
        numberValue?.intValue
    }

    /// String, or nil when this is not a string.
    public var stringValue: String? {
        guard case .string(let value) = self else {
            return nil
        }
        return value
    }

    /// Elements, or nil when this is not an array.
    public var arrayValue: [JSONValue]? {
        guard case .array(let elements) = self else {
            return nil
        }
        return elements
    }

    /// Object, or nil when this is not an object.
    public var objectValue: JSONObject? {
        guard case .object(let object) = self else {
            return nil
        }
        return object
    }
}
