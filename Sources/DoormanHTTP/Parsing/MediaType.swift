/// Media type of a `Content-Type` header (RFC 9110 section 8.3.1), such as `application/json; charset=utf-8`.
///
/// The type, the subtype and parameter names are lowercased, because they are case-insensitive. Parameter values
/// keep their case, with the quotes and backslash escapes of a quoted string removed.
public struct MediaType: Sendable, Equatable, CustomStringConvertible {
    /// One parameter of a media type.
    public struct Parameter: Sendable, Equatable {
        /// Lowercased name.
        public let name: String
        /// Value without quotes.
        public let value: String

        /// Creates a parameter. The name must be an HTTP token, and the value printable ASCII or tabs.
        public init(name: String, value: String) {
            precondition(!name.isEmpty && name.utf8.allSatisfy(ASCII.isTokenCharacter), "invalid parameter name")
            precondition(value.utf8.allSatisfy { $0 == ASCII.tab || (0x20...0x7E).contains($0) }, "invalid value")
            self.name = ASCII.lowercasedString(ArraySlice(name.utf8))
            self.value = value
        }

        init(validatedName name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Maximum number of parameters that `parse` accepts.
    public static let maximumParameterCount = 32

    /// Lowercased top-level type, such as `application`.
    public let type: String

    /// Lowercased subtype, such as `json`.
    public let subtype: String

    /// Parameters in header order. A repeated name is kept, and `parameter(_:)` returns its first value.
    public let parameters: [Parameter]

    /// Creates a media type. The type, the subtype and the parameter names must be HTTP tokens.
    public init(type: String, subtype: String, parameters: [Parameter] = []) {
        precondition(!type.isEmpty && type.utf8.allSatisfy(ASCII.isTokenCharacter), "invalid media type")
        precondition(!subtype.isEmpty && subtype.utf8.allSatisfy(ASCII.isTokenCharacter), "invalid media subtype")
        self.type = ASCII.lowercasedString(ArraySlice(type.utf8))
        self.subtype = ASCII.lowercasedString(ArraySlice(subtype.utf8))
        self.parameters = parameters
    }

    init(validatedType type: String, subtype: String, parameters: [Parameter]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// `application/json`.
    public static let json = MediaType(type: "application", subtype: "json")

    /// `application/x-www-form-urlencoded`.
    public static let formURLEncoded = MediaType(type: "application", subtype: "x-www-form-urlencoded")

    /// Header value, such as `text/html; charset=utf-8`, with values quoted when they are not tokens.
    public var description: String {
        var text = essence
        for parameter in parameters {
            text += "; " + parameter.name + "=" + Self.quotedIfNeeded(parameter.value)
        }
        return text
    }

    private static func quotedIfNeeded(_ value: String) -> String {
        if !value.isEmpty && value.utf8.allSatisfy(ASCII.isTokenCharacter) {
            return value
        }
        var quoted = "\""
        for character in value {
            if character == "\"" || character == "\\" {
                quoted.append("\\")
            }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// Type and subtype without parameters, such as `application/json`.
    public var essence: String {
        type + "/" + subtype
    }

    /// Returns the value of the first parameter with this name, compared without regard to ASCII case.
    public func parameter(_ name: String) -> String? {
        let lowercasedName = ASCII.lowercasedString(ArraySlice(name.utf8))
        return parameters.first { $0.name == lowercasedName }?.value
    }

    /// Lowercased value of the `charset` parameter, or nil when there is none.
    public var charset: String? {
        parameter("charset").map { ASCII.lowercasedString(ArraySlice($0.utf8)) }
    }

    /// Returns whether the type and subtype equal `essence`, such as `"application/json"`, without regard to ASCII
    /// case.
    public func hasEssence(_ essence: String) -> Bool {
        ASCII.equalsIgnoringCase(ArraySlice(essence.utf8), self.essence)
    }

    /// Parses a `Content-Type` header value.
    ///
    /// Spaces and tabs are allowed around `;` and at both ends but not around `/` or `=`. Empty parameters, as in
    /// `text/plain;;charset=utf-8`, are skipped. Non-ASCII bytes are rejected.
    ///
    /// - Throws: `HTTPParseError.malformedMediaType` with a reason that does not echo the input.
    public static func parse(_ value: some StringProtocol) throws(HTTPParseError) -> MediaType {
        try parse(Array(value.utf8))
    }

    /// Parses a `Content-Type` header value given as bytes.
    public static func parse(_ bytes: some Collection<UInt8>) throws(HTTPParseError) -> MediaType {
        var reader = MediaTypeReader(bytes: Array(bytes))
        return try reader.readMediaType()
    }
}

/// Reader over the bytes of one `Content-Type` value.
struct MediaTypeReader {
    private let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func readMediaType() throws(HTTPParseError) -> MediaType {
        skipWhitespace()
        let type = try readToken(named: "type")
        guard index < bytes.count, bytes[index] == ASCII.slash else {
            throw .malformedMediaType(reason: "expected '/' after the type, as in application/json")
        }
        index += 1
        let subtype = try readToken(named: "subtype")

        var parameters: [MediaType.Parameter] = []
        while let parameter = try readParameter() {
            guard parameters.count < MediaType.maximumParameterCount else {
                throw .malformedMediaType(reason: "more than \(MediaType.maximumParameterCount) parameters")
            }
            parameters.append(parameter)
        }
        return MediaType(validatedType: type, subtype: subtype, parameters: parameters)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, ASCII.isWhitespace(bytes[index]) {
            index += 1
        }
    }

    /// Reads a token and returns it lowercased.
    private mutating func readToken(named part: String) throws(HTTPParseError) -> String {
        let start = index
        while index < bytes.count, ASCII.isTokenCharacter(bytes[index]) {
            index += 1
        }
        guard index > start else {
            throw .malformedMediaType(reason: "the \(part) is missing or contains a character not allowed in a token")
        }
        return ASCII.lowercasedString(bytes[start..<index])
    }

    /// Reads the next `; name=value`, skipping empty parameters, and returns nil at the end of the input.
    private mutating func readParameter() throws(HTTPParseError) -> MediaType.Parameter? {
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                return nil
            }
            guard bytes[index] == ASCII.semicolon else {
                throw .malformedMediaType(reason: "expected ';' before a parameter")
            }
            index += 1
            skipWhitespace()

            if index < bytes.count, bytes[index] != ASCII.semicolon {
                break
            }
        }

        let name = try readToken(named: "parameter name")
        guard index < bytes.count, bytes[index] == ASCII.equals else {
            throw .malformedMediaType(reason: "expected '=' after a parameter name")
        }
        index += 1

        let value = index < bytes.count && bytes[index] == ASCII.quote ? try readQuotedString() : try readTokenValue()
        return MediaType.Parameter(validatedName: name, value: value)
    }

    private mutating func readTokenValue() throws(HTTPParseError) -> String {
        let start = index
        while index < bytes.count, ASCII.isTokenCharacter(bytes[index]) {
            index += 1
        }
        guard index > start else {
            throw .malformedMediaType(reason: "a parameter value must be a token or a quoted string")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Reads a quoted string, whose `\` escapes the next character (RFC 9110 section 5.6.4).
    private mutating func readQuotedString() throws(HTTPParseError) -> String {
        index += 1
        var value: [UInt8] = []
        while index < bytes.count {
            var byte = bytes[index]
            if byte == ASCII.quote {
                index += 1
                return String(decoding: value, as: UTF8.self)
            }
            if byte == ASCII.backslash {
                index += 1
                guard index < bytes.count else {
                    break
                }
                byte = bytes[index]
            }
            guard byte == ASCII.tab || (0x20...0x7E).contains(byte) else {
                throw .malformedMediaType(reason: "a quoted parameter value contains a control or non-ASCII byte")
            }
            value.append(byte)
            index += 1
        }
        throw .malformedMediaType(reason: "a quoted parameter value has no closing '\"'")
    }
}
