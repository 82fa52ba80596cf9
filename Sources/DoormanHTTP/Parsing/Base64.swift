/// Strict decoder of standard base64 (RFC 4648 section 4).
enum Base64 {
    /// Decodes base64 text, or returns nil when it is not canonical.
    ///
    /// The length must be a multiple of 4, with `=` padding only at the end, only characters of the standard
    /// alphabet (no `-`, `_` or whitespace) and zero unused bits in the last character. Each byte sequence then has
    /// exactly one accepted encoding.
    static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0 else {
            return nil
        }

        let padding = text.reversed().prefix(while: { $0 == ASCII.equals }).count
        guard padding <= 2 else {
            return nil
        }

        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3)
        var accumulator: UInt32 = 0
        var bitCount = 0
        for byte in text.dropLast(padding) {
            guard let sextet = sextet(byte) else {
                return nil
            }
            accumulator = accumulator << 6 | UInt32(sextet)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bitCount)))
                accumulator &= (1 << UInt32(bitCount)) - 1
            }
        }

        // Canonical encodings leave the 2 or 4 bits after the last full byte at zero.
        return accumulator == 0 ? output : nil
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte - 0x41
        case 0x61...0x7A: byte - 0x61 + 26
        case 0x30...0x39: byte - 0x30 + 52
        case ASCII.plus: 62
        case ASCII.slash: 63
        default: nil
        }
    }
}
