import Testing

import DoormanHTTP

@Suite struct URLEncodedFormTests {
    typealias Pair = URLEncodedForm.Pair

    static let validCases: [(input: String, expected: [Pair])] = [
        ("", []),
        ("a=1", [Pair(name: "a", value: "1")]),
        ("a=1&b=2", [Pair(name: "a", value: "1"), Pair(name: "b", value: "2")]),
        ("a=&b", [Pair(name: "a", value: ""), Pair(name: "b", value: "")]),
        ("a", [Pair(name: "a", value: "")]),
        ("&&a=1&&b=2&&", [Pair(name: "a", value: "1"), Pair(name: "b", value: "2")]),
        ("&", []),
        ("a=b=c", [Pair(name: "a", value: "b=c")]),
        ("a==", [Pair(name: "a", value: "=")]),
        ("a=1;b=2", [Pair(name: "a", value: "1;b=2")]),
        ("x=a+b%20c", [Pair(name: "x", value: "a b c")]),
        ("x=%2B", [Pair(name: "x", value: "+")]),
        ("first+name=J%C3%A9r%C3%B4me", [Pair(name: "first name", value: "Jérôme")]),
        ("%3D=%26", [Pair(name: "=", value: "&")]),
        ("+=x", [Pair(name: " ", value: "x")]),
        (
            "redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1&state=s",
            [Pair(name: "redirect_uri", value: "https://app.example/cb?x=1"), Pair(name: "state", value: "s")]
        ),
        ("a=1&a=2", [Pair(name: "a", value: "1"), Pair(name: "a", value: "2")]),
        ("emoji=%F0%9F%94%91", [Pair(name: "emoji", value: "🔑")]),
    ]

    @Test(arguments: validCases)
    func parsesValidInput(input: String, expected: [Pair]) throws {
        #expect(try URLEncodedForm.parse(input).pairs == expected)
        #expect(try URLEncodedForm.parse(Array(input.utf8)).pairs == expected)
        #expect(try URLEncodedForm.parse(input[...]).pairs == expected)
    }

    static let invalidCases: [(input: [UInt8], error: HTTPParseError)] = [
        (Array("=x".utf8), .emptyParameterName(offset: 0)),
        (Array("=".utf8), .emptyParameterName(offset: 0)),
        (Array("a=1&=2".utf8), .emptyParameterName(offset: 4)),
        (Array("a=%".utf8), .invalidPercentEncoding(offset: 2)),
        (Array("a=%4".utf8), .invalidPercentEncoding(offset: 2)),
        (Array("a=%G1".utf8), .invalidPercentEncoding(offset: 2)),
        (Array("a%=1".utf8), .invalidPercentEncoding(offset: 1)),
        (Array("ok=1&a=%FF".utf8), .invalidUTF8(offset: 7)),
        (Array("a=x%C3".utf8), .invalidUTF8(offset: 3)),
        (Array("a=".utf8) + [0xC3], .invalidUTF8(offset: 2)),
        ([0xC3] + Array("=1".utf8), .invalidUTF8(offset: 0)),
        (Array("a=%C3%28".utf8), .invalidUTF8(offset: 2)),
    ]

    @Test(arguments: invalidCases)
    func rejectsInvalidInput(input: [UInt8], error: HTTPParseError) {
        #expect(throws: error) {
            try URLEncodedForm.parse(input)
        }
    }

    @Test func acceptsPairsUpToLimit() throws {
        let input = Array(repeating: "a=1", count: 1000).joined(separator: "&")
        #expect(try URLEncodedForm.parse(input).pairs.count == 1000)
    }

    @Test func rejectsTooManyPairs() {
        let input = Array(repeating: "a=1", count: 1001).joined(separator: "&")
        #expect(throws: HTTPParseError.tooManyParameters(limit: 1000)) {
            try URLEncodedForm.parse(input)
        }
    }

    @Test func appliesCustomPairLimit() throws {
        #expect(try URLEncodedForm.parse("a&b&c", maximumPairs: 3).pairs.count == 3)
        #expect(throws: HTTPParseError.tooManyParameters(limit: 2)) {
            try URLEncodedForm.parse("a&b&c", maximumPairs: 2)
        }
    }

    @Test func emptySegmentsDoNotCountTowardLimit() throws {
        let input = String(repeating: "&", count: 5000) + "a=1"
        #expect(try URLEncodedForm.parse(input, maximumPairs: 1).pairs == [Pair(name: "a", value: "1")])
    }

    @Test func parsesLargeValue() throws {
        let value = String(repeating: "x", count: 1_000_000)
        #expect(try URLEncodedForm.parse("big=" + value).value("big") == value)
    }

    @Test func looksUpFirstAndAllValues() throws {
        let form = try URLEncodedForm.parse("scope=a&code=c&scope=b")
        #expect(form.value("scope") == "a")
        #expect(form.values("scope") == ["a", "b"])
        #expect(form.value("code") == "c")
        #expect(form.value("missing") == nil)
        #expect(form.values("missing") == [])
        #expect(form.contains("code"))
        #expect(!form.contains("Code"))
    }

    @Test func detectsRepeatedNames() throws {
        let form = try URLEncodedForm.parse("a=1&b=2&a=3&c&b=4&a=5")
        #expect(form.isRepeated("a"))
        #expect(form.isRepeated("b"))
        #expect(!form.isRepeated("c"))
        #expect(!form.isRepeated("missing"))
        #expect(form.duplicateNames() == ["a", "b"])
    }

    @Test func reportsNoDuplicatesForUniqueNames() throws {
        let form = try URLEncodedForm.parse("grant_type=authorization_code&code=x&redirect_uri=y")
        #expect(form.duplicateNames() == [])
    }

    @Test func detectsDuplicatesAmongManyNames() throws {
        let names = (0..<500).map { "name\($0)" }
        let form = try URLEncodedForm.parse((names + ["name250", "name7"]).joined(separator: "&"))
        #expect(form.duplicateNames() == ["name250", "name7"])
    }

    @Test func comparesNamesByExactBytes() throws {
        // U+212A KELVIN SIGN is canonically equivalent to "K", so Swift's == calls them equal.
        let form = try URLEncodedForm.parse("K=1&%E2%84%AA=2")
        #expect(form.value("K") == "1")
        #expect(form.value("\u{212A}") == "2")
        #expect(form.duplicateNames() == [])
        #expect(!form.isRepeated("K"))
    }

    @Test func comparesDecomposedNamesByExactBytes() throws {
        let form = try URLEncodedForm.parse("caf%C3%A9=1&cafe%CC%81=2")
        #expect(form.duplicateNames() == [])
        #expect(form.value("caf\u{E9}") == "1")
        #expect(form.value("cafe\u{301}") == "2")
    }

    @Test func serializesWithFormEncoding() {
        let form: URLEncodedForm = ["code": "a b+c", "state": "x&y=z", "name": "é~-._*"]
        #expect(form.serialized() == "code=a+b%2Bc&state=x%26y%3Dz&name=%C3%A9~-._%2A")
    }

    @Test func serializesEmptyForm() {
        #expect(URLEncodedForm().serialized() == "")
    }

    @Test func roundTripsSerializedForm() throws {
        let pairs = [
            Pair(name: "redirect_uri", value: "https://app.example/cb?x=1&y=2#f"),
            Pair(name: "scope", value: "openid profile"),
            Pair(name: "scope", value: "100%"),
            Pair(name: "note", value: "naïve 😀\n"),
            Pair(name: "empty", value: ""),
        ]
        let form = URLEncodedForm(pairs)
        #expect(try URLEncodedForm.parse(form.serialized()) == form)
    }

    @Test func neverCrashesOnArbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("%&=+aZ09".utf8) + [0x00, 0x80, 0xC3, 0xA9, 0xFF]
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &generator)
            let input = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            if let form = try? URLEncodedForm.parse(input) {
                #expect(form.pairs.allSatisfy { !$0.name.isEmpty })
            }
        }
    }
}

@Suite struct URLEncodedFormEqualityTests {
    @Test func comparesPairsByExactBytes() throws {
        let composed = try URLEncodedForm.parse("name=caf%C3%A9")
        let decomposed = try URLEncodedForm.parse("name=cafe%CC%81")
        #expect(composed != decomposed)
        #expect(composed == (try URLEncodedForm.parse("name=caf%C3%A9")))
    }
}
