/// JSON number kept as its literal text, so that parsing then serializing never changes its digits.
///
/// Two numbers are equal when their text is equal, so `1`, `1.0` and `1e0` are three different values.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral
{
    /// Literal text, which always matches the number grammar of RFC 8259 section 6.
    public let text: String

    init(validatedText: String) {
        self.text = validatedText
    }

    /// Creates the number with the decimal digits of an integer.
    public init(_ value: some BinaryInteger) {
        self.text = String(value)
    }

    /// Creates the number with the shortest text that reads back as `value`, or returns nil for NaN and infinities,
    /// which JSON cannot represent.
    public init?(_ value: Double) {
        guard value.isFinite else {
            return nil
        }
        self.text = value.description
    }

    /// Creates the number from literal text, or returns nil when the text is not a JSON number.
    public init?(text: String) {
        let bytes = Array(text.utf8)
        guard (try? Self.scan(bytes, from: 0)) == bytes.count, !bytes.isEmpty else {
            return nil
        }
        self.text = text
    }

    /// Creates the number from an integer literal.
    public init(integerLiteral value: Int) {
        self.init(value)
    }

    /// Creates the number from a floating-point literal, which must be finite.
    public init(floatLiteral value: Double) {
        precondition(value.isFinite, "a JSON number must be finite")
        self.text = value.description
    }

    /// Nearest `Double`. A magnitude beyond the range of `Double` gives an infinity, and a tiny one gives zero.
    public var doubleValue: Double {
        // Double(_:) accepts every JSON number text, so the fallback is unreachable.
        Double(text) ?? .nan
    }

    /// Value of an integer literal such as `3600` or `-2`, or nil when the text has a fraction or an exponent
    /// (`1.0`, `1e3`) or does not fit in `Int`.
    public var intValue: Int? {
        Int(text)
    }

    /// Literal text of the number.
    public var description: String {
        text
    }

    /// Scans a number that starts at `start` and returns the offset just past it.
    ///
    /// The grammar is `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, so leading zeros, a bare `.5`,
    /// `1.`, `+1`, `NaN` and `Infinity` are rejected.
    static func scan(_ bytes: [UInt8], from start: Int) throws(HTTPParseError) -> Int {
        var index = start
        if index < bytes.count, bytes[index] == 0x2D {
            index += 1
        }

        guard index < bytes.count, isDigit(bytes[index]) else {
            throw .invalidJSON(offset: index, reason: "expected a digit in the number")
        }
        if bytes[index] == 0x30 {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw .invalidJSON(offset: start, reason: "a number must not have leading zeros")
            }
        } else {
            index = skipDigits(bytes, from: index)
        }

        index = try scanFraction(bytes, from: index)
        return try scanExponent(bytes, from: index)
    }

    private static func scanFraction(_ bytes: [UInt8], from start: Int) throws(HTTPParseError) -> Int {
        guard start < bytes.count, bytes[start] == 0x2E else {
            return start
        }
        guard start + 1 < bytes.count, isDigit(bytes[start + 1]) else {
            throw .invalidJSON(offset: start + 1, reason: "expected a digit after the decimal point")
        }
        return skipDigits(bytes, from: start + 1)
    }

    private static func scanExponent(_ bytes: [UInt8], from start: Int) throws(HTTPParseError) -> Int {
        guard start < bytes.count, bytes[start] == 0x65 || bytes[start] == 0x45 else {
            return start
        }

        var index = start + 1
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw .invalidJSON(offset: index, reason: "expected a digit in the exponent")
        }
        return skipDigits(bytes, from: index)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    private static func skipDigits(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, isDigit(bytes[index]) {
            index += 1
        }
        return index
    }
}
