/// Cookies of a `Cookie` request header (RFC 6265 section 4.2), in header order with unique names.
///
/// Parsing does not throw, because a browser sends every cookie that matches the request, including malformed ones
/// set by other software, and one bad cookie must not break the request. It splits the header at `;`, trims spaces
/// and tabs around each piece, and skips a piece when:
/// - it has no `=`, or its name is empty or not an HTTP token;
/// - its value, after removing one pair of surrounding double quotes, contains a byte outside the `cookie-octet`
///   set of RFC 6265 section 4.1.1, such as a space, `"`, `,`, `;`, `\`, a control character or a non-ASCII byte.
///
/// When a name repeats, the first cookie is kept, because browsers send cookies with longer paths first (RFC 6265
/// section 5.4). Names are case-sensitive, and values are kept as sent, without percent-decoding.
public struct Cookies: Sendable, Equatable {
    /// One cookie name and its value.
    public struct Pair: Sendable, Equatable {
        public let name: String
        public let value: String

        /// Creates a pair.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }

        /// Returns whether names and values have the same UTF-8 bytes, without Unicode normalization.
        public static func == (lhs: Pair, rhs: Pair) -> Bool {
            isExactlyEqual(lhs.name, rhs.name) && isExactlyEqual(lhs.value, rhs.value)
        }
    }

    /// Well-formed cookies in header order, each name once.
    public let pairs: [Pair]

    /// Creates the cookies from pairs whose names are unique.
    public init(_ pairs: [Pair] = []) {
        self.pairs = pairs
    }

    /// Parses a `Cookie` header value. A request with several `Cookie` headers needs them joined with `"; "` first.
    public static func parse(_ header: some StringProtocol) -> Cookies {
        parse(Array(header.utf8))
    }

    /// Parses a `Cookie` header value given as bytes.
    public static func parse(_ bytes: some Collection<UInt8>) -> Cookies {
        let array = Array(bytes)
        var pairs: [Pair] = []
        var names = UniqueNameSet()
        var pieceStart = 0

        while pieceStart < array.count {
            let pieceEnd = array[pieceStart...].firstIndex(of: ASCII.semicolon) ?? array.count
            let piece = ASCII.trimmingWhitespace(pieceStart..<pieceEnd, in: array)
            if let pair = parsePair(array, in: piece), names.insert(pair.name) {
                pairs.append(pair)
            }
            pieceStart = pieceEnd + 1
        }
        return Cookies(pairs)
    }

    private static func parsePair(_ bytes: [UInt8], in piece: Range<Int>) -> Pair? {
        guard let equals = bytes[piece].firstIndex(of: ASCII.equals) else {
            return nil
        }

        let name = ASCII.trimmingWhitespace(piece.lowerBound..<equals, in: bytes)
        guard !name.isEmpty, bytes[name].allSatisfy(ASCII.isTokenCharacter) else {
            return nil
        }

        var value = ASCII.trimmingWhitespace(equals + 1..<piece.upperBound, in: bytes)
        if value.count >= 2, bytes[value.lowerBound] == ASCII.quote, bytes[value.upperBound - 1] == ASCII.quote {
            value = value.lowerBound + 1..<value.upperBound - 1
        }
        guard bytes[value].allSatisfy(isCookieOctet) else {
            return nil
        }

        // Both ranges contain ASCII bytes only, so decoding cannot replace anything.
        return Pair(
            name: String(decoding: bytes[name], as: UTF8.self),
            value: String(decoding: bytes[value], as: UTF8.self)
        )
    }

    /// Returns whether the byte is a `cookie-octet`: printable ASCII except space, `"`, `,`, `;` and `\`.
    static func isCookieOctet(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x2B, 0x2D...0x3A, 0x3C...0x5B, 0x5D...0x7E: true
        default: false
        }
    }

    /// Whether there are no well-formed cookies.
    public var isEmpty: Bool {
        pairs.isEmpty
    }

    /// Returns the value of the cookie with this name, or nil when there is none.
    public func value(_ name: String) -> String? {
        pairs.first { isExactlyEqual($0.name, name) }?.value
    }
}
