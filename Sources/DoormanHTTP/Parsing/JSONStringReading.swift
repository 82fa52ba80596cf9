extension JSONReader {
    /// Reads the string that starts at the opening quote under `index`.
    ///
    /// Unescaped text is checked byte by byte as UTF-8. Escapes are decoded into a buffer that is only allocated
    /// when the string has one, so the common unescaped string is a single copy.
    mutating func readString() throws(HTTPParseError) -> String {
        let start = index
        index += 1

        var buffer: [UInt8] = []
        var hasEscapes = false
        var runStart = index
        var validator = UTF8Validator()

        while true {
            guard index < bytes.count else {
                throw syntaxError("unterminated string; expected a closing '\"'", at: start)
            }

            let byte = bytes[index]
            if byte >= 0x80 || !validator.isAtCharacterBoundary {
                guard validator.accept(byte, at: index) else {
                    throw .invalidUTF8(offset: validator.sequenceStart)
                }
                index += 1
            } else if byte == ASCII.quote {
                break
            } else if byte == ASCII.backslash {
                buffer.append(contentsOf: bytes[runStart..<index])
                hasEscapes = true
                try readEscape(into: &buffer)
                runStart = index
            } else if byte < 0x20 {
                throw syntaxError("a control character in a string must be written as an escape such as \\n")
            } else {
                index += 1
            }
        }

        let text = bytes[runStart..<index]
        index += 1
        guard hasEscapes else {
            return String(decoding: text, as: UTF8.self)
        }
        buffer.append(contentsOf: text)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Decodes the escape that starts at the backslash under `index` and appends its UTF-8 bytes.
    private mutating func readEscape(into buffer: inout [UInt8]) throws(HTTPParseError) {
        let escapeStart = index
        guard index + 1 < bytes.count else {
            throw syntaxError("unterminated escape sequence")
        }

        let code = bytes[index + 1]
        index += 2
        switch code {
        case ASCII.quote, ASCII.backslash, ASCII.slash: buffer.append(code)
        case 0x62: buffer.append(0x08)  // \b
        case 0x66: buffer.append(0x0C)  // \f
        case 0x6E: buffer.append(0x0A)  // \n
        case 0x72: buffer.append(0x0D)  // \r
        case 0x74: buffer.append(0x09)  // \t
        case 0x75:  // \u
            let scalar = try readUnicodeEscape(startingAt: escapeStart)
            UTF8.encode(scalar) { buffer.append($0) }
        default:
            throw syntaxError(
                "invalid escape sequence; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                at: escapeStart
            )
        }
    }

    /// Reads the four hexadecimal digits after `\u`, and a second escape when the first is a high surrogate,
    /// because UTF-16 writes characters above U+FFFF as a surrogate pair.
    private mutating func readUnicodeEscape(startingAt escapeStart: Int) throws(HTTPParseError) -> Unicode.Scalar {
        let unit = try readHexDigits(escapeStart: escapeStart)
        switch unit {
        case 0xD800...0xDBFF:
            return try readLowSurrogate(after: unit, escapeStart: escapeStart)
        case 0xDC00...0xDFFF:
            throw syntaxError("lone low surrogate \\u\(hex(unit)); it must follow a high surrogate", at: escapeStart)
        default:
            // Every UTF-16 code unit outside the surrogate range is a Unicode scalar.
            guard let scalar = Unicode.Scalar(unit) else {
                throw syntaxError("invalid \\u escape", at: escapeStart)
            }
            return scalar
        }
    }

    private mutating func readLowSurrogate(
        after high: UInt16,
        escapeStart: Int
    ) throws(HTTPParseError) -> Unicode.Scalar {
        let lowStart = index
        guard index + 1 < bytes.count, bytes[index] == ASCII.backslash, bytes[index + 1] == 0x75 else {
            throw syntaxError(
                "lone high surrogate \\u\(hex(high)); it must be followed by a low surrogate \\uDC00 to \\uDFFF",
                at: escapeStart
            )
        }

        index += 2
        let low = try readHexDigits(escapeStart: lowStart)
        guard (0xDC00...0xDFFF).contains(low) else {
            throw syntaxError(
                "high surrogate \\u\(hex(high)) is followed by \\u\(hex(low)), which is not a low surrogate",
                at: escapeStart
            )
        }

        let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(low - 0xDC00)
        guard let scalar = Unicode.Scalar(value) else {
            throw syntaxError("invalid surrogate pair", at: escapeStart)
        }
        return scalar
    }

    private mutating func readHexDigits(escapeStart: Int) throws(HTTPParseError) -> UInt16 {
        guard index + 4 <= bytes.count else {
            throw syntaxError("a \\u escape needs four hexadecimal digits", at: escapeStart)
        }

        var unit: UInt16 = 0
        for offset in index..<index + 4 {
            guard let digit = ASCII.hexValue(bytes[offset]) else {
                throw syntaxError("a \\u escape needs four hexadecimal digits", at: escapeStart)
            }
            unit = unit << 4 | UInt16(digit)
        }
        index += 4
        return unit
    }

    private func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
