/// Error raised when untrusted request input (query, body, headers) is malformed.
///
/// Offsets count bytes from 0 at the start of the input passed to the parser. The `description` is meant for the
/// client in a 400 response: it names what was wrong and echoes at most a short, escaped excerpt of keys or scheme
/// names, never a credential.
public enum HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `%` that is not followed by two hexadecimal digits.
    case invalidPercentEncoding(offset: Int)

    /// Bytes that are not well-formed UTF-8. The offset is where the first bad sequence starts.
    case invalidUTF8(offset: Int)

    /// A query or form parameter with an empty name, such as `=x`. The offset is where the parameter starts.
    case emptyParameterName(offset: Int)

    /// More query or form parameters than the parser accepts.
    case tooManyParameters(limit: Int)

    /// JSON text that breaks the grammar of RFC 8259. The reason is fixed text that never contains input.
    case invalidJSON(offset: Int, reason: String)

    /// A JSON object key that occurs twice in the same object. The offset is where the second occurrence starts.
    case duplicateJSONKey(String, offset: Int)

    /// JSON arrays and objects nested deeper than the parser accepts.
    case jsonNestingTooDeep(limit: Int, offset: Int)

    /// An `Authorization` header that does not follow its scheme's syntax. The reason never contains credentials.
    case malformedAuthorization(reason: String)

    /// An `Authorization` header whose scheme is neither Basic nor Bearer.
    case unsupportedAuthorizationScheme(String)

    /// An `Authorization` header longer than the parser accepts, in bytes.
    case authorizationTooLong(limit: Int)

    /// A `Content-Type` value that does not follow the media type syntax of RFC 9110 section 8.3.1.
    case malformedMediaType(reason: String)

    /// Human-readable message that is safe to send to the client.
    public var description: String {
        switch self {
        case .invalidPercentEncoding(let offset):
            "invalid percent-encoding at byte offset \(offset): '%' must be followed by two hexadecimal digits"
        case .invalidUTF8(let offset):
            "invalid UTF-8 at byte offset \(offset); send text encoded as UTF-8"
        case .emptyParameterName(let offset):
            "parameter at byte offset \(offset) has an empty name; send parameters as name=value"
        case .tooManyParameters(let limit):
            "too many parameters: at most \(limit) are accepted"
        case .invalidJSON(let offset, let reason):
            "invalid JSON at byte offset \(offset): \(reason)"
        case .duplicateJSONKey(let key, let offset):
            "duplicate JSON key \(Self.excerpt(key)) at byte offset \(offset); send each key once"
        case .jsonNestingTooDeep(let limit, let offset):
            "JSON nesting deeper than \(limit) levels at byte offset \(offset)"
        case .malformedAuthorization(let reason):
            "malformed Authorization header: \(reason)"
        case .unsupportedAuthorizationScheme(let scheme):
            "unsupported Authorization scheme \(Self.excerpt(scheme)); use Basic or Bearer"
        case .authorizationTooLong(let limit):
            "Authorization header is longer than \(limit) bytes"
        case .malformedMediaType(let reason):
            "malformed media type: \(reason)"
        }
    }

    /// Maximum number of Unicode scalars of input that a message echoes.
    static let maximumExcerptLength = 64

    /// Quotes client-supplied text for a message, escaping quotes, backslashes and invisible characters
    /// (Unicode categories Cc and Cf, which include bidirectional overrides) and cutting it after
    /// `maximumExcerptLength` scalars.
    ///
    /// The cut counts scalars, not characters, because one character can hold any number of combining marks.
    static func excerpt(_ text: String) -> String {
        var result = "\""
        for (position, scalar) in text.unicodeScalars.enumerated() {
            if position == maximumExcerptLength {
                result += "…"
                break
            }
            result += escaped(scalar)
        }
        return result + "\""
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        default: break
        }

        switch scalar.properties.generalCategory {
        case .control, .format:
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default:
            return String(scalar)
        }
    }
}
