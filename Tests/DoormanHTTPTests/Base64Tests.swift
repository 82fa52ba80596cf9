import Testing

@testable import DoormanHTTP

@Suite struct Base64Tests {
    static let validCases: [(text: String, decoded: [UInt8])] = [
        ("", []),
        ("Zg==", Array("f".utf8)),
        ("Zm8=", Array("fo".utf8)),
        ("Zm9v", Array("foo".utf8)),
        ("Zm9vYg==", Array("foob".utf8)),
        ("Zm9vYmE=", Array("fooba".utf8)),
        ("Zm9vYmFy", Array("foobar".utf8)),
        ("+/+/", [0xFB, 0xFF, 0xBF]),
        ("AAAA", [0, 0, 0]),
    ]

    @Test(arguments: validCases)
    func decodesCanonicalText(text: String, decoded: [UInt8]) {
        #expect(Base64.decode(ArraySlice(text.utf8)) == decoded)
    }

    static let invalidCases = [
        "Z", "Zg", "Zg=", "Zm9", "Zg===", "Z===", "====", "Zm9vY", "Zm9v=", "Zm=v", "=m9v", "Zh==", "Zm9=",
        "Zm 9v", "Zm9v\n", "-_-_", "Zm9v*A==", "Zg==Zg==",
    ]

    @Test(arguments: invalidCases)
    func rejectsNonCanonicalText(text: String) {
        #expect(Base64.decode(ArraySlice(text.utf8)) == nil)
    }

    @Test func roundTripsRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Base64.decode(ArraySlice(base64Encoded(bytes).utf8)) == bytes)
        }
    }
}
