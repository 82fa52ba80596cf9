import Testing

@testable import DoormanHTTP

@Suite struct PercentDecodingTests {
    static let validCases: [(input: String, plusAsSpace: Bool, expected: String)] = [
        ("", true, ""),
        ("plain", true, "plain"),
        ("a%20b", true, "a b"),
        ("a+b", true, "a b"),
        ("a+b", false, "a+b"),
        ("%2B", true, "+"),
        ("%2b", true, "+"),
        ("%3A%3a", true, "::"),
        ("%C3%A9", true, "é"),
        ("%c3%a9", false, "é"),
        ("caf%C3%A9+au+lait", true, "café au lait"),
        ("%F0%9F%98%80", true, "😀"),
        ("é", true, "é"),
        ("%00", true, "\u{0}"),
        ("%25", true, "%"),
        ("%2525", true, "%25"),
        ("a/b?c=d", false, "a/b?c=d"),
    ]

    @Test(arguments: validCases)
    func decodesValidInput(input: String, plusAsSpace: Bool, expected: String) throws {
        #expect(try PercentDecoding.decode(input, plusAsSpace: plusAsSpace) == expected)
        #expect(try PercentDecoding.decode(Array(input.utf8), plusAsSpace: plusAsSpace) == expected)
    }

    static let invalidCases: [(input: [UInt8], error: HTTPParseError)] = [
        (Array("%".utf8), .invalidPercentEncoding(offset: 0)),
        (Array("%4".utf8), .invalidPercentEncoding(offset: 0)),
        (Array("%G1".utf8), .invalidPercentEncoding(offset: 0)),
        (Array("%1G".utf8), .invalidPercentEncoding(offset: 0)),
        (Array("abc%".utf8), .invalidPercentEncoding(offset: 3)),
        (Array("abc%2".utf8), .invalidPercentEncoding(offset: 3)),
        (Array("a%20b%%20".utf8), .invalidPercentEncoding(offset: 5)),
        (Array("% 20".utf8), .invalidPercentEncoding(offset: 0)),
        (Array("%+20".utf8), .invalidPercentEncoding(offset: 0)),
        (Array("%FF".utf8), .invalidUTF8(offset: 0)),
        (Array("ab%C3".utf8), .invalidUTF8(offset: 2)),
        (Array("%C3x".utf8), .invalidUTF8(offset: 0)),
        (Array("%C0%80".utf8), .invalidUTF8(offset: 0)),
        (Array("%ED%A0%80".utf8), .invalidUTF8(offset: 0)),
        (Array("%F4%90%80%80".utf8), .invalidUTF8(offset: 0)),
        ([0x61, 0xC3], .invalidUTF8(offset: 1)),
        ([0xC3, 0x28], .invalidUTF8(offset: 0)),
        ([0x80], .invalidUTF8(offset: 0)),
        ([0xFE], .invalidUTF8(offset: 0)),
        (Array("%C3".utf8) + [0x41], .invalidUTF8(offset: 0)),
    ]

    @Test(arguments: invalidCases)
    func rejectsInvalidInput(input: [UInt8], error: HTTPParseError) {
        #expect(throws: error) {
            try PercentDecoding.decode(input, plusAsSpace: true)
        }
    }

    @Test func mixesRawAndEscapedUTF8() throws {
        // A raw lead byte may be completed by escaped continuation bytes, because only the decoded bytes count.
        let input: [UInt8] = [0xC3] + Array("%A9".utf8)
        #expect(try PercentDecoding.decode(input, plusAsSpace: true) == "é")
    }

    @Test func decodesSliceWithOffsetsOfWholeInput() {
        let bytes = Array("name=%ZZ".utf8)
        #expect(throws: HTTPParseError.invalidPercentEncoding(offset: 5)) {
            try PercentDecoding.decode(bytes, in: 5..<bytes.count, plusAsSpace: true)
        }
    }

    @Test func decodesEveryEscapedByte() throws {
        for byte in UInt8(0)...0x7F {
            let hex = String(byte, radix: 16, uppercase: true)
            let encoded = "%" + (hex.count == 1 ? "0" + hex : hex)
            #expect(try PercentDecoding.decode(encoded, plusAsSpace: true) == String(UnicodeScalar(byte)))
        }
    }
}
