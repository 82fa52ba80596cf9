/// Strict decoder of percent-encoded text (RFC 3986 section 2.1) into UTF-8 strings.
///
/// Every `%` must start an escape of two hexadecimal digits of either case, and the decoded bytes must be
/// well-formed UTF-8. Other bytes pass through unchanged, so raw UTF-8 and reserved characters are accepted.
/// Control characters, including `%00`, are kept: callers that cannot store them must reject them.
public enum PercentDecoding {
    /// Decodes percent-encoded bytes into a string.
    ///
    /// - Parameters:
    ///   - bytes: Encoded text.
    ///   - plusAsSpace: Whether `+` decodes to a space, as in query strings and form bodies. Paths need `false`.
    /// - Throws: `HTTPParseError.invalidPercentEncoding` or `.invalidUTF8`, with an offset into `bytes`.
    public static func decode(_ bytes: some Collection<UInt8>, plusAsSpace: Bool) throws(HTTPParseError) -> String {
        let array = Array(bytes)
        return try decode(array, in: array.indices, plusAsSpace: plusAsSpace)
    }

    /// Decodes percent-encoded text into a string, with offsets in errors counted in UTF-8 bytes.
    public static func decode(_ text: some StringProtocol, plusAsSpace: Bool) throws(HTTPParseError) -> String {
        try decode(Array(text.utf8), plusAsSpace: plusAsSpace)
    }

    /// Decodes `bytes[range]`, reporting errors at offsets into `bytes`.
    static func decode(_ bytes: [UInt8], in range: Range<Int>, plusAsSpace: Bool) throws(HTTPParseError) -> String {
        if isPlainASCII(bytes[range], plusAsSpace: plusAsSpace) {
            return String(decoding: bytes[range], as: UTF8.self)
        }

        var decoded: [UInt8] = []
        decoded.reserveCapacity(range.count)
        var validator = UTF8Validator()
        var index = range.lowerBound

        while index < range.upperBound {
            let offset = index
            var byte = bytes[index]
            if byte == ASCII.percent {
                byte = try decodeEscape(in: bytes, at: index, end: range.upperBound)
                index += 3
            } else {
                if byte == ASCII.plus && plusAsSpace {
                    byte = ASCII.space
                }
                index += 1
            }

            guard validator.accept(byte, at: offset) else {
                throw .invalidUTF8(offset: validator.sequenceStart)
            }
            decoded.append(byte)
        }

        guard validator.isAtCharacterBoundary else {
            throw .invalidUTF8(offset: validator.sequenceStart)
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Returns whether the bytes are ASCII with nothing to decode, so that they are their own decoding.
    private static func isPlainASCII(_ bytes: ArraySlice<UInt8>, plusAsSpace: Bool) -> Bool {
        bytes.allSatisfy { byte in
            byte < 0x80 && byte != ASCII.percent && !(plusAsSpace && byte == ASCII.plus)
        }
    }

    /// Returns the byte of the `%XX` escape that starts at `offset`.
    private static func decodeEscape(in bytes: [UInt8], at offset: Int, end: Int) throws(HTTPParseError) -> UInt8 {
        guard offset + 2 < end,
            let high = ASCII.hexValue(bytes[offset + 1]),
            let low = ASCII.hexValue(bytes[offset + 2])
        else {
            throw .invalidPercentEncoding(offset: offset)
        }
        return high << 4 | low
    }
}
