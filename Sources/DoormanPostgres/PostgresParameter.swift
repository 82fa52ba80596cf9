/// A value sent as a text parameter of a prepared statement. The server converts the text to the column's type.
public protocol PostgresParameter: Sendable {
    /// The value in PostgreSQL's text input format.
    var postgresText: String { get }
}

extension String: PostgresParameter {
    /// The string itself.
    public var postgresText: String { self }
}

extension Int: PostgresParameter {
    /// The decimal digits.
    public var postgresText: String { String(self) }
}

extension Int64: PostgresParameter {
    /// The decimal digits.
    public var postgresText: String { String(self) }
}

extension Bool: PostgresParameter {
    /// `true` or `false`.
    public var postgresText: String { self ? "true" : "false" }
}

extension Array: PostgresParameter where Element == UInt8 {
    /// The bytes in `bytea`'s hex input format, `\x` and two lowercase hex digits per byte, which the server
    /// accepts whatever its `bytea_output` setting.
    public var postgresText: String {
        let digits = Array<UInt8>("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + 2 * count)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
