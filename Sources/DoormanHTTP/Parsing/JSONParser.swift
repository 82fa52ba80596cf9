/// Strict parser of JSON text (RFC 8259) in UTF-8.
///
/// It accepts any value at the top level and rejects, with an offset and a reason:
/// - a byte order mark, trailing commas, comments, single quotes and any data after the value;
/// - numbers with leading zeros, `NaN`, `Infinity` and other forms outside the RFC 8259 grammar;
/// - unescaped control characters in strings, ill-formed UTF-8 and lone surrogates in `\u` escapes;
/// - a key repeated in one object, because OAuth 2.0 forbids repeated parameters;
/// - arrays and objects nested deeper than `maximumDepth`.
///
/// The work is linear in the input size, and the recursion depth is at most `maximumDepth`.
public struct JSONParser: Sendable {
    /// Nesting depth that the parser accepts when the caller passes no `maximumDepth`.
    public static let defaultMaximumDepth = 64

    /// Largest `maximumDepth` a parser can have. The parser and the recursive `JSONValue` operations (equality,
    /// serialization, deallocation) use stack frames for each level, so this limit bounds their stack use.
    // NOTE: 512 levels is a judgment, not a measurement against the smallest thread stack the server uses.
    public static let maximumSupportedDepth = 512

    /// Maximum number of nested arrays and objects. `[]` has depth 1 and a scalar has depth 0.
    public let maximumDepth: Int

    /// Creates a parser. A `maximumDepth` outside `0...maximumSupportedDepth` is a programmer error.
    public init(maximumDepth: Int = JSONParser.defaultMaximumDepth) {
        precondition(
            (0...Self.maximumSupportedDepth).contains(maximumDepth),
            "JSONParser.maximumDepth must be between 0 and \(Self.maximumSupportedDepth)"
        )
        self.maximumDepth = maximumDepth
    }

    /// Parses one JSON value that fills the whole input.
    ///
    /// - Throws: `HTTPParseError.invalidJSON`, `.invalidUTF8`, `.duplicateJSONKey` or `.jsonNestingTooDeep`.
    public func parse(_ bytes: some Collection<UInt8>) throws(HTTPParseError) -> JSONValue {
        var reader = JSONReader(bytes: Array(bytes), maximumDepth: maximumDepth)
        return try reader.readDocument()
    }

    /// Parses one JSON value that fills the whole text, with offsets in errors counted in UTF-8 bytes.
    public func parse(_ text: some StringProtocol) throws(HTTPParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

/// Recursive-descent reader over the bytes of one JSON document.
struct JSONReader {
    let bytes: [UInt8]
    let maximumDepth: Int
    var index = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func readDocument() throws(HTTPParseError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw syntaxError("a byte order mark is not allowed; send the JSON text without it")
        }

        skipWhitespace()
        let value = try readValue(depth: 0)
        skipWhitespace()

        guard index == bytes.count else {
            throw syntaxError("unexpected \(describeCurrentByte()) after the JSON value")
        }
        return value
    }

    func syntaxError(_ reason: String, at offset: Int? = nil) -> HTTPParseError {
        .invalidJSON(offset: offset ?? index, reason: reason)
    }

    func describeCurrentByte() -> String {
        guard index < bytes.count else {
            return "end of input"
        }

        let byte = bytes[index]
        if (0x21...0x7E).contains(byte) {
            return "character '\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private func currentByte(is expected: UInt8) -> Bool {
        index < bytes.count && bytes[index] == expected
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func readValue(depth: Int) throws(HTTPParseError) -> JSONValue {
        guard index < bytes.count else {
            throw syntaxError("unexpected end of input; expected a value")
        }

        switch bytes[index] {
        case 0x7B: return .object(try readObject(depth: depth + 1))
        case 0x5B: return .array(try readArray(depth: depth + 1))
        case ASCII.quote: return .string(try readString())
        case 0x74: return try readLiteral("true", meaning: .bool(true))
        case 0x66: return try readLiteral("false", meaning: .bool(false))
        case 0x6E: return try readLiteral("null", meaning: .null)
        case 0x2D, 0x30...0x39: return .number(try readNumber())
        default: throw syntaxError("unexpected \(describeCurrentByte()); expected a value")
        }
    }

    private mutating func readLiteral(_ literal: String, meaning value: JSONValue) throws(HTTPParseError) -> JSONValue {
        guard bytes[index...].starts(with: literal.utf8) else {
            throw syntaxError("unexpected \(describeCurrentByte()); expected a value")
        }
        index += literal.utf8.count
        return value
    }

    private mutating func readNumber() throws(HTTPParseError) -> JSONNumber {
        let start = index
        index = try JSONNumber.scan(bytes, from: start)
        return JSONNumber(validatedText: String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private func checkDepth(_ depth: Int) throws(HTTPParseError) {
        guard depth <= maximumDepth else {
            throw .jsonNestingTooDeep(limit: maximumDepth, offset: index)
        }
    }

    private mutating func readArray(depth: Int) throws(HTTPParseError) -> [JSONValue] {
        try checkDepth(depth)
        index += 1
        skipWhitespace()

        var elements: [JSONValue] = []
        if currentByte(is: 0x5D) {
            index += 1
            return elements
        }

        while true {
            skipWhitespace()
            if currentByte(is: 0x5D) {
                throw syntaxError("trailing comma before ']'")
            }
            elements.append(try readValue(depth: depth))

            skipWhitespace()
            if currentByte(is: 0x5D) {
                index += 1
                return elements
            }
            guard currentByte(is: ASCII.comma) else {
                throw syntaxError("unexpected \(describeCurrentByte()); expected ',' or ']' after an array element")
            }
            index += 1
        }
    }

    private mutating func readObject(depth: Int) throws(HTTPParseError) -> JSONObject {
        try checkDepth(depth)
        index += 1
        skipWhitespace()

        var members: [JSONObject.Member] = []
        var keys = UniqueNameSet()
        if currentByte(is: 0x7D) {
            index += 1
            return JSONObject(uniqueMembers: members)
        }

        while true {
            skipWhitespace()
            members.append(try readMember(depth: depth, keys: &keys))

            skipWhitespace()
            if currentByte(is: 0x7D) {
                index += 1
                return JSONObject(uniqueMembers: members)
            }
            guard currentByte(is: ASCII.comma) else {
                throw syntaxError("unexpected \(describeCurrentByte()); expected ',' or '}' after an object member")
            }
            index += 1
        }
    }

    private mutating func readMember(
        depth: Int,
        keys: inout UniqueNameSet
    ) throws(HTTPParseError) -> JSONObject.Member {
        if currentByte(is: 0x7D) {
            throw syntaxError("trailing comma before '}'")
        }
        guard currentByte(is: ASCII.quote) else {
            throw syntaxError("unexpected \(describeCurrentByte()); expected a string key")
        }

        let keyOffset = index
        let key = try readString()
        guard keys.insert(key) else {
            throw .duplicateJSONKey(key, offset: keyOffset)
        }

        skipWhitespace()
        guard currentByte(is: ASCII.colon) else {
            throw syntaxError("unexpected \(describeCurrentByte()); expected ':' after an object key")
        }
        index += 1

        skipWhitespace()
        return JSONObject.Member(key: key, value: try readValue(depth: depth))
    }
}
