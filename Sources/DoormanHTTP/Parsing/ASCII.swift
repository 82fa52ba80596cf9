/// Byte values and character classes shared by the HTTP and URL parsers.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let backslash: UInt8 = 0x5C
    static let delete: UInt8 = 0x7F

    /// Returns the value of a hexadecimal digit of either case, or nil for any other byte.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    /// Returns whether the byte is a `tchar`, a character of an HTTP token (RFC 9110 section 5.6.2).
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        if isAlphanumeric(byte) {
            return true
        }
        switch byte {
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E:
            // ! # $ % & ' * + - . ^ _ ` | ~
            return true
        default:
            return false
        }
    }

    /// Returns whether the byte is a space or a horizontal tab, the optional whitespace (OWS) of HTTP.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// Returns whether the byte is a C0 control character or DEL.
    static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == delete
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// Returns the bytes as a string with ASCII letters lowercased. The caller guarantees that the bytes are ASCII.
    static func lowercasedString(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.lazy.map(lowercased), as: UTF8.self)
    }

    /// Returns whether the bytes equal `lowercaseASCII` when ASCII letters are compared without case.
    static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ lowercaseASCII: String) -> Bool {
        bytes.lazy.map(lowercased).elementsEqual(lowercaseASCII.utf8)
    }

    /// Returns the range without the spaces and tabs at its ends.
    static func trimmingWhitespace(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(bytes[lower]) {
            lower += 1
        }
        while upper > lower, isWhitespace(bytes[upper - 1]) {
            upper -= 1
        }
        return lower..<upper
    }
}
