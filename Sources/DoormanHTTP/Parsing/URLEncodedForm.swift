/// Ordered name-value pairs of a URL query string or an `application/x-www-form-urlencoded` body.
///
/// Both use one grammar: pairs are separated by `&`, a name ends at the first `=`, and names and values are
/// percent-decoded with `+` as a space (see `PercentDecoding`). Parsing also follows these rules:
/// - Empty segments are skipped, so `a=1&&b=2`, `&a=1` and `a=1&` each give two or one pairs.
/// - A segment without `=` is a name with an empty value, so `a=&b` gives `a` and `b`, both empty.
/// - A segment with an empty name, such as `=x` or `=`, is an error.
/// - `;` is an ordinary character, not a separator.
///
/// Names compare by exact UTF-8 bytes, without Unicode normalization.
public struct URLEncodedForm: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// One name and its value, both decoded.
    public struct Pair: Sendable, Equatable {
        public let name: String
        public let value: String

        /// Creates a pair from decoded text.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }

        /// Returns whether names and values have the same UTF-8 bytes, without Unicode normalization.
        public static func == (lhs: Pair, rhs: Pair) -> Bool {
            isExactlyEqual(lhs.name, rhs.name) && isExactlyEqual(lhs.value, rhs.value)
        }
    }

    /// Maximum number of pairs that `parse` accepts when the caller passes no `maximumPairs`.
    public static let defaultMaximumPairs = 1000

    /// Pairs in the order of the input, repeated names included.
    public let pairs: [Pair]

    /// Creates a form from decoded pairs, for example to serialize a redirect query.
    public init(_ pairs: [Pair] = []) {
        self.pairs = pairs
    }

    /// Creates a form from decoded pairs in literal order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.pairs = elements.map { Pair(name: $0.0, value: $0.1) }
    }

    /// Parses a query string (without the leading `?`) or a form body.
    ///
    /// - Throws: `HTTPParseError.tooManyParameters` when there are more than `maximumPairs` pairs,
    ///   `.emptyParameterName`, `.invalidPercentEncoding` or `.invalidUTF8`.
    public static func parse(
        _ bytes: some Collection<UInt8>,
        maximumPairs: Int = defaultMaximumPairs
    ) throws(HTTPParseError) -> URLEncodedForm {
        let array = Array(bytes)
        var pairs: [Pair] = []
        var segmentStart = 0

        while segmentStart < array.count {
            let segmentEnd = array[segmentStart...].firstIndex(of: ASCII.ampersand) ?? array.count
            if segmentEnd > segmentStart {
                guard pairs.count < maximumPairs else {
                    throw .tooManyParameters(limit: maximumPairs)
                }
                pairs.append(try parsePair(array, in: segmentStart..<segmentEnd))
            }
            segmentStart = segmentEnd + 1
        }
        return URLEncodedForm(pairs)
    }

    /// Parses a query string (without the leading `?`) or a form body, with offsets in errors counted in UTF-8
    /// bytes.
    public static func parse(
        _ text: some StringProtocol,
        maximumPairs: Int = defaultMaximumPairs
    ) throws(HTTPParseError) -> URLEncodedForm {
        try parse(Array(text.utf8), maximumPairs: maximumPairs)
    }

    private static func parsePair(_ bytes: [UInt8], in segment: Range<Int>) throws(HTTPParseError) -> Pair {
        let nameEnd = bytes[segment].firstIndex(of: ASCII.equals) ?? segment.upperBound
        guard nameEnd > segment.lowerBound else {
            throw .emptyParameterName(offset: segment.lowerBound)
        }

        let valueStart = min(nameEnd + 1, segment.upperBound)
        let name = try PercentDecoding.decode(bytes, in: segment.lowerBound..<nameEnd, plusAsSpace: true)
        let value = try PercentDecoding.decode(bytes, in: valueStart..<segment.upperBound, plusAsSpace: true)
        return Pair(name: name, value: value)
    }

    /// Whether the form has no pairs.
    public var isEmpty: Bool {
        pairs.isEmpty
    }

    /// Returns the value of the first pair with this name, or nil when there is none.
    public func value(_ name: String) -> String? {
        pairs.first { isExactlyEqual($0.name, name) }?.value
    }

    /// Returns the values of all pairs with this name, in input order.
    public func values(_ name: String) -> [String] {
        pairs.filter { isExactlyEqual($0.name, name) }.map(\.value)
    }

    /// Returns whether at least one pair has this name.
    public func contains(_ name: String) -> Bool {
        pairs.contains { isExactlyEqual($0.name, name) }
    }

    /// Returns whether more than one pair has this name.
    public func isRepeated(_ name: String) -> Bool {
        var count = 0
        for pair in pairs where isExactlyEqual(pair.name, name) {
            count += 1
            if count > 1 {
                return true
            }
        }
        return false
    }

    /// Returns the names that occur more than once, each listed once, in the order of their second occurrence.
    ///
    /// The work is linear in the number of pairs, so it suits a check that rejects repeated parameters.
    public func duplicateNames() -> [String] {
        var seen = UniqueNameSet()
        var reported = UniqueNameSet()
        var duplicates: [String] = []
        for pair in pairs where !seen.insert(pair.name) && reported.insert(pair.name) {
            duplicates.append(pair.name)
        }
        return duplicates
    }

    /// Serializes the pairs as `application/x-www-form-urlencoded` text.
    ///
    /// Letters, digits and `-._~` stay as they are, a space becomes `+`, and every other UTF-8 byte becomes `%XX`
    /// with uppercase hexadecimal digits. Parsing the result gives back the same pairs unless a name is empty.
    public func serialized() -> String {
        var output: [UInt8] = []
        for (position, pair) in pairs.enumerated() {
            if position > 0 {
                output.append(ASCII.ampersand)
            }
            Self.appendEncoded(pair.name, to: &output)
            output.append(ASCII.equals)
            Self.appendEncoded(pair.value, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func appendEncoded(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            if ASCII.isAlphanumeric(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E {
                output.append(byte)
            } else if byte == ASCII.space {
                output.append(ASCII.plus)
            } else {
                output.append(ASCII.percent)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }
}
