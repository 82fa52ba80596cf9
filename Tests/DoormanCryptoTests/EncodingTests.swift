import DoormanCrypto
import Testing

struct Base64URLTests {
    /// RFC 4648 section 10 vectors, without padding and with the URL-safe alphabet.
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"),
        ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func encodesStandardVector(plain: String, encoded: String) {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func usesURLSafeAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff, 0xbf]) == "-_-_")
        #expect(Base64URL.decode("-_-_") == [0xfb, 0xff, 0xbf])
    }

    @Test func roundTripsEveryLength() {
        for length in 0...70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes, "length \(length)")
        }
    }

    @Test(arguments: [
        "Zg==",  // padding
        "Zm9v\n",  // whitespace
        "Zm 9v",
        "Zm+v",  // standard alphabet
        "Zm/v",
        "Z",  // a single trailing character cannot encode a byte
        "Zh",  // non-zero unused bits: "Zg" is the only encoding of "f"
        "Zm9vY!",
        "é",
    ])
    func rejectsInvalidInput(input: String) {
        #expect(Base64URL.decode(input) == nil)
    }
}

struct HexTests {
    @Test func encodesLowercase() {
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(Hex.encode([]) == "")
    }

    @Test func decodesEitherCase() {
        #expect(Hex.decode("000fA0Ff") == [0x00, 0x0f, 0xa0, 0xff])
        #expect(Hex.decode("") == [])
    }

    @Test(arguments: ["0", "abc", "zz", "0g", "00 11", "0x00"])
    func rejectsInvalidInput(input: String) {
        #expect(Hex.decode(input) == nil)
    }
}
