/// Incremental check that bytes form well-formed UTF-8, fed one byte at a time.
///
/// It follows Table 3-7 of the Unicode Standard, so it rejects overlong forms, encoded surrogates
/// (U+D800 to U+DFFF) and code points above U+10FFFF.
struct UTF8Validator {
    /// Offset given with the lead byte of the sequence that is in progress or that failed.
    private(set) var sequenceStart = 0

    private var pendingContinuationBytes = 0

    /// Allowed range of the next continuation byte. Only the second byte of a sequence can be narrower than
    /// 0x80...0xBF.
    private var nextLowerBound: UInt8 = 0x80
    private var nextUpperBound: UInt8 = 0xBF

    /// Whether the bytes accepted so far end with a complete character.
    var isAtCharacterBoundary: Bool {
        pendingContinuationBytes == 0
    }

    /// Adds the byte found at `offset` and returns false when it cannot continue well-formed UTF-8.
    mutating func accept(_ byte: UInt8, at offset: Int) -> Bool {
        if pendingContinuationBytes > 0 {
            return acceptContinuation(byte)
        }

        sequenceStart = offset
        switch byte {
        case 0x00...0x7F: return true
        case 0xC2...0xDF: expect(1, from: 0x80, to: 0xBF)
        case 0xE0: expect(2, from: 0xA0, to: 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: expect(2, from: 0x80, to: 0xBF)
        case 0xED: expect(2, from: 0x80, to: 0x9F)
        case 0xF0: expect(3, from: 0x90, to: 0xBF)
        case 0xF1...0xF3: expect(3, from: 0x80, to: 0xBF)
        case 0xF4: expect(3, from: 0x80, to: 0x8F)
        default: return false
        }
        return true
    }

    private mutating func expect(_ count: Int, from lowerBound: UInt8, to upperBound: UInt8) {
        pendingContinuationBytes = count
        nextLowerBound = lowerBound
        nextUpperBound = upperBound
    }

    private mutating func acceptContinuation(_ byte: UInt8) -> Bool {
        guard byte >= nextLowerBound, byte <= nextUpperBound else {
            return false
        }

        pendingContinuationBytes -= 1
        nextLowerBound = 0x80
        nextUpperBound = 0xBF
        return true
    }

    /// Returns the offset where the first ill-formed sequence of `bytes[range]` starts, or nil when it is all
    /// well-formed.
    static func firstInvalidOffset(in bytes: [UInt8], range: Range<Int>) -> Int? {
        var validator = UTF8Validator()
        for offset in range where !validator.accept(bytes[offset], at: offset) {
            return validator.sequenceStart
        }
        return validator.isAtCharacterBoundary ? nil : validator.sequenceStart
    }
}
