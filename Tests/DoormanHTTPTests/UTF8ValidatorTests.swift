import Testing

@testable import DoormanHTTP

@Suite struct UTF8ValidatorTests {
    static let cases: [(bytes: [UInt8], firstInvalidOffset: Int?)] = [
        ([], nil),
        (Array("plain ASCII".utf8), nil),
        ([0x00, 0x7F], nil),
        ([0xC2, 0x80], nil),
        ([0xDF, 0xBF], nil),
        ([0xE0, 0xA0, 0x80], nil),
        ([0xED, 0x9F, 0xBF], nil),
        ([0xEE, 0x80, 0x80], nil),
        ([0xF0, 0x90, 0x80, 0x80], nil),
        ([0xF4, 0x8F, 0xBF, 0xBF], nil),
        ([0x80], 0),
        ([0xBF], 0),
        ([0xC0, 0x80], 0),
        ([0xC1, 0xBF], 0),
        ([0xE0, 0x80, 0x80], 0),
        ([0xE0, 0x9F, 0xBF], 0),
        ([0xED, 0xA0, 0x80], 0),
        ([0xED, 0xBF, 0xBF], 0),
        ([0xF0, 0x80, 0x80, 0x80], 0),
        ([0xF0, 0x8F, 0xBF, 0xBF], 0),
        ([0xF4, 0x90, 0x80, 0x80], 0),
        ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0xFE], 0),
        ([0xFF], 0),
        ([0x61, 0xC3], 1),
        ([0x61, 0xE2, 0x82], 1),
        ([0x61, 0xF0, 0x9F, 0x98], 1),
        ([0xC3, 0x41], 0),
        ([0x41, 0xE2, 0x82, 0x41], 1),
        ([0xC3, 0xA9, 0xC3, 0xA9, 0xA9], 4),
    ]

    @Test(arguments: cases)
    func findsFirstInvalidSequence(bytes: [UInt8], firstInvalidOffset: Int?) {
        #expect(UTF8Validator.firstInvalidOffset(in: bytes, range: bytes.indices) == firstInvalidOffset)
    }

    @Test func agreesWithStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<6, using: &generator)
            let bytes = (0..<length).map { _ in interesting.randomElement(using: &generator)! }
            let expectedValid = String(validating: bytes, as: UTF8.self) != nil
            let actualValid = UTF8Validator.firstInvalidOffset(in: bytes, range: bytes.indices) == nil
            #expect(actualValid == expectedValid, "bytes \(bytes)")
        }
    }

    @Test func checksOnlyTheGivenRange() {
        let bytes: [UInt8] = [0xFF, 0x61, 0x62, 0xFF]
        #expect(UTF8Validator.firstInvalidOffset(in: bytes, range: 1..<3) == nil)
        #expect(UTF8Validator.firstInvalidOffset(in: bytes, range: 1..<4) == 3)
    }
}
