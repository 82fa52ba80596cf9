/// Percent-encoding of query components as `application/x-www-form-urlencoded` reads them.
public enum FormURLEncoding {
    /// Percent-encodes every UTF-8 byte of `value` outside the unreserved set `A-Z a-z 0-9 - . _ ~`
    /// (RFC 3986 section 2.3), with uppercase hexadecimal digits.
    ///
    /// A space becomes `%20` instead of `+` so that query parsers which do not treat `+` as a space still
    /// read the value correctly. Form decoders read `%20` as a space as well.
    public static func encode(_ value: String) -> String {
        var output = [UInt8]()
        output.reserveCapacity(value.utf8.count)

        for byte in value.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes one form-urlencoded component: `+` becomes a space and `%XX` the byte it encodes.
    ///
    /// Returns nil on a `%` not followed by two hexadecimal digits and on bytes that are not valid UTF-8.
    public static func decode(_ component: String) -> String? {
        var output = [UInt8]()
        var bytes = component.utf8.makeIterator()

        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "+"):
                output.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = bytes.next().flatMap(hexValue), let low = bytes.next().flatMap(hexValue) else {
                    return nil
                }
                output.append(high << 4 | low)
            default:
                output.append(byte)
            }
        }
        return String(validating: output, as: UTF8.self)
    }

    /// Encodes `parameters` as `name=value` pairs joined by `&`, in the given order.
    public static func encode(_ parameters: [(name: String, value: String)]) -> String {
        parameters.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
    }

    /// Decodes a query string or form body into `name=value` pairs in order, or returns nil when a
    /// component does not decode. Empty pieces between `&` are skipped, and a piece without `=` has
    /// an empty value.
    ///
    /// The split is at the bytes `&` and `=`. Splitting the `String` itself would miss a separator that a
    /// combining mark joins into one `Character`, as in `a=1&\u{301}b=2`.
    public static func decodePairs(_ query: String) -> [(name: String, value: String)]? {
        var pairs: [(name: String, value: String)] = []

        for piece in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = piece.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            // The pieces end at ASCII bytes, so each is well-formed UTF-8 and decodes without replacement.
            let rawName = String(decoding: parts[0], as: UTF8.self)
            let rawValue = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : ""
            guard let name = decode(rawName), let value = decode(rawValue) else {
                return nil
            }
            pairs.append((name, value))
        }
        return pairs
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
