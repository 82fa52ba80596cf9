// Byte-level helpers that build one log line in a `[UInt8]` before it is written with one call.
extension [UInt8] {
    /// Appends the UTF-8 bytes of `string` unchanged.
    mutating func appendUTF8(_ string: String) {
        append(contentsOf: string.utf8)
    }

    /// Appends `value` in decimal, padded with leading zeros to `count` digits, with a `-` sign when negative.
    mutating func appendDigits(_ value: Int64, count: Int) {
        if value < 0 {
            append(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        var digitCount = 1
        var remaining = magnitude / 10
        while remaining > 0 {
            digitCount += 1
            remaining /= 10
        }

        // Append zeros, then overwrite them from the right with the digits.
        let width = Swift.max(count, digitCount)
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        var index = self.count - 1
        while magnitude > 0 {
            self[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        }
    }

    /// Appends `byte` as the escape `\u00XX`, with upper-case hexadecimal digits.
    mutating func appendUnicodeEscape(_ byte: UInt8) {
        append(UInt8(ascii: "\\"))
        append(UInt8(ascii: "u"))
        append(UInt8(ascii: "0"))
        append(UInt8(ascii: "0"))
        append(Self.hexadecimalDigit(byte >> 4))
        append(Self.hexadecimalDigit(byte & 0x0F))
    }

    private static func hexadecimalDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    /// Appends a backslash escape for the control characters that have a short one, returning false for other bytes.
    mutating func appendShortEscape(_ byte: UInt8) -> Bool {
        let letter: UInt8
        switch byte {
        case 0x0A: letter = UInt8(ascii: "n")
        case 0x0D: letter = UInt8(ascii: "r")
        case 0x09: letter = UInt8(ascii: "t")
        case 0x08: letter = UInt8(ascii: "b")
        case 0x0C: letter = UInt8(ascii: "f")
        default: return false
        }
        append(UInt8(ascii: "\\"))
        append(letter)
        return true
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII control character, C0 (below 0x20) or DEL (0x7F).
    var isASCIIControl: Bool {
        self < 0x20 || self == 0x7F
    }
}
