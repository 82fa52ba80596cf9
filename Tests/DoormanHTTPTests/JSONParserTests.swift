import Testing

import DoormanHTTP

@Suite struct JSONParserTests {
    static let validCases: [(input: String, expected: JSONValue)] = [
        ("null", .null),
        ("true", true),
        ("false", false),
        ("0", 0),
        ("-0", .number(JSONNumber(text: "-0")!)),
        ("42", 42),
        ("-17", -17),
        ("3.25", .number(JSONNumber(text: "3.25")!)),
        ("1e3", .number(JSONNumber(text: "1e3")!)),
        ("1E+3", .number(JSONNumber(text: "1E+3")!)),
        ("2.5e-3", .number(JSONNumber(text: "2.5e-3")!)),
        ("\"\"", ""),
        ("\"abc\"", "abc"),
        ("\"é😀\"", "é😀"),
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        (#""\u0041\u00e9\u20AC""#, "Aé€"),
        (#""\u0000""#, "\u{0}"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
        ("[]", []),
        ("{}", [:]),
        ("[1,\"a\",null,true,[],{}]", [1, "a", nil, true, [], [:]]),
        (" \t\r\n{ \"a\" : [ 1 , 2 ] } \n", ["a": [1, 2]]),
        ("{\"b\":1,\"a\":2}", ["b": 1, "a": 2]),
        ("{\"\":1}", ["": 1]),
        ("{\"a\":{\"a\":1}}", ["a": ["a": 1]]),
        ("\"a/b\"", "a/b"),
    ]

    @Test(arguments: validCases)
    func parsesValidInput(input: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(input) == expected)
        #expect(try JSONParser().parse(Array(input.utf8)) == expected)
    }

    static let syntaxErrorCases: [(input: String, offset: Int)] = [
        ("", 0),
        ("   ", 3),
        ("nul", 0),
        ("tru", 0),
        ("True", 0),
        ("NaN", 0),
        ("Infinity", 0),
        ("-Infinity", 1),
        ("undefined", 0),
        ("01", 0),
        ("-01", 0),
        ("00", 0),
        ("1.", 2),
        (".5", 0),
        ("+1", 0),
        ("-", 1),
        ("1e", 2),
        ("1e+", 3),
        ("0x10", 1),
        ("1 2", 2),
        ("[1,]", 3),
        ("[,1]", 1),
        ("[1 2]", 3),
        ("[1", 2),
        ("[", 1),
        ("{\"a\":1,}", 7),
        ("{\"a\" 1}", 5),
        ("{a:1}", 1),
        ("{'a':1}", 1),
        ("{\"a\":1", 6),
        ("{\"a\":}", 5),
        ("{,}", 1),
        ("\"abc", 0),
        ("\"a\nb\"", 2),
        ("\"a\u{1}\"", 2),
        ("\"\t\"", 1),
        (#""\x""#, 1),
        (#""\u12""#, 1),
        (#""\u12G4""#, 1),
        (#""\uD800""#, 1),
        (#""\uD800x""#, 1),
        (#""\uD800\n""#, 1),
        (#""\uD800\u0041""#, 1),
        (#""\uD800\uD800""#, 1),
        (#""\uDC00""#, 1),
        (#""\uDFFF\uD800""#, 1),
        ("\"\\", 1),
        ("[] x", 3),
        ("{} {}", 3),
        ("null // comment", 5),
        ("\u{FEFF}{}", 0),
    ]

    @Test(arguments: syntaxErrorCases)
    func rejectsSyntaxErrors(input: String, offset: Int) {
        let error = #expect(throws: HTTPParseError.self) {
            try JSONValue.parse(input)
        }
        guard case .invalidJSON(let actualOffset, _) = error else {
            Issue.record("expected invalidJSON, got \(String(describing: error))")
            return
        }
        #expect(actualOffset == offset)
    }

    static let invalidUTF8Cases: [(input: [UInt8], offset: Int)] = [
        ([0x22, 0xC3, 0x22], 1),
        ([0x22, 0x61, 0xFF, 0x22], 2),
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),
        ([0x22, 0xC0, 0xAF, 0x22], 1),
        ([0x22, 0xE2, 0x82, 0x22], 1),
        ([0x5B, 0x22, 0x80, 0x22, 0x5D], 2),
    ]

    @Test(arguments: invalidUTF8Cases)
    func rejectsInvalidUTF8(input: [UInt8], offset: Int) {
        #expect(throws: HTTPParseError.invalidUTF8(offset: offset)) {
            try JSONValue.parse(input)
        }
    }

    @Test func rejectsInvalidUTF8OutsideStrings() {
        let error = #expect(throws: HTTPParseError.self) {
            try JSONValue.parse([0x5B, 0xC3, 0xA9, 0x5D])
        }
        #expect(error == .invalidJSON(offset: 1, reason: "unexpected byte 0xC3; expected a value"))
    }

    @Test func rejectsByteOrderMark() {
        let error = #expect(throws: HTTPParseError.self) {
            try JSONValue.parse([0xEF, 0xBB, 0xBF, 0x7B, 0x7D])
        }
        #expect(error?.description.contains("byte order mark") == true)
    }

    @Test func rejectsDuplicateKey() {
        #expect(throws: HTTPParseError.duplicateJSONKey("code", offset: 18)) {
            try JSONValue.parse(#"{"code":"a","x":1,"code":"b"}"#)
        }
    }

    @Test func rejectsDuplicateKeyWrittenWithEscape() {
        #expect(throws: HTTPParseError.duplicateJSONKey("ab", offset: 9)) {
            try JSONValue.parse(#"{"ab":1, "\u0061b":2}"#)
        }
    }

    @Test func rejectsDuplicateKeyInNestedObject() {
        #expect(throws: HTTPParseError.duplicateJSONKey("k", offset: 12)) {
            try JSONValue.parse(#"{"a":{"k":1,"k":2}}"#)
        }
    }

    @Test func rejectsDuplicateKeyAmongManyKeys() {
        let members = (0..<1000).map { "\"key\($0)\":\($0)" }.joined(separator: ",")
        let error = #expect(throws: HTTPParseError.self) {
            try JSONValue.parse("{" + members + ",\"key999\":0}")
        }
        guard case .duplicateJSONKey(let key, _) = error else {
            Issue.record("expected duplicateJSONKey, got \(String(describing: error))")
            return
        }
        #expect(key == "key999")
    }

    @Test func acceptsSameKeyInDifferentObjects() throws {
        let value = try JSONValue.parse(#"[{"a":1},{"a":2}]"#)
        #expect(value[0]?["a"] == 1)
        #expect(value[1]?["a"] == 2)
    }

    @Test func keepsCanonicallyEquivalentKeysApart() throws {
        let value = try JSONValue.parse(#"{"K":1,"\u212A":2}"#)
        #expect(value.objectValue?.keys == ["K", "\u{212A}"])
        #expect(value["K"] == 1)
        #expect(value["\u{212A}"] == 2)
    }

    @Test func keepsMemberOrder() throws {
        let value = try JSONValue.parse(#"{"z":1,"a":2,"m":3,"b":4}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m", "b"])
    }

    @Test func acceptsNestingAtLimit() throws {
        let input = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) {
            try JSONValue.parse(input)
        }
    }

    @Test func rejectsNestingBeyondLimit() {
        let input = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: HTTPParseError.jsonNestingTooDeep(limit: 64, offset: 64)) {
            try JSONValue.parse(input)
        }
    }

    @Test func rejectsDeepObjectNesting() {
        let input = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(throws: HTTPParseError.jsonNestingTooDeep(limit: 64, offset: 64 * 5)) {
            try JSONValue.parse(input)
        }
    }

    @Test func rejectsHugeNestingWithoutCrashing() {
        let input = [UInt8](repeating: 0x5B, count: 100_000)
        #expect(throws: HTTPParseError.jsonNestingTooDeep(limit: 64, offset: 64)) {
            try JSONValue.parse(input)
        }
    }

    @Test func appliesCustomDepth() throws {
        let parser = JSONParser(maximumDepth: 2)
        #expect(try parser.parse("[[1]]") == [[1]])
        #expect(throws: HTTPParseError.jsonNestingTooDeep(limit: 2, offset: 2)) {
            try parser.parse("[[[1]]]")
        }
    }

    @Test func depthZeroAcceptsOnlyScalars() throws {
        let parser = JSONParser(maximumDepth: 0)
        #expect(try parser.parse("\"x\"") == "x")
        #expect(throws: HTTPParseError.jsonNestingTooDeep(limit: 0, offset: 0)) {
            try parser.parse("[]")
        }
    }

    @Test func acceptsMaximumSupportedDepth() throws {
        let depth = JSONParser.maximumSupportedDepth
        let input = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let value = try JSONParser(maximumDepth: depth).parse(input)
        #expect(value.serializedString() == input)
    }

    @Test func keepsHugeNumberText() throws {
        let text = "1" + String(repeating: "0", count: 400)
        let value = try JSONValue.parse(text)
        #expect(value.numberValue?.text == text)
        #expect(value.doubleValue == .infinity)
        #expect(value.intValue == nil)
        #expect(value.serializedString() == text)
    }

    @Test func keepsHugeExponent() throws {
        let value = try JSONValue.parse("[1e999999999, -1e-999999999]")
        #expect(value[0]?.doubleValue == .infinity)
        #expect(value[1]?.doubleValue == 0)
        #expect(value.serializedString() == "[1e999999999,-1e-999999999]")
    }

    @Test func parsesLongString() throws {
        let text = String(repeating: "ab\\n", count: 100_000)
        let value = try JSONValue.parse("\"" + text + "\"")
        #expect(value.stringValue?.utf8.count == 300_000)
    }

    @Test func neverCrashesOnArbitraryBytes() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("{}[]\":,.-+eE0123456789tfnu\\ ".utf8) + [0x00, 0x80, 0xC3, 0xFF]
        for _ in 0..<5000 {
            let length = Int.random(in: 0..<16, using: &generator)
            let input = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            if let value = try? JSONValue.parse(input) {
                #expect(try JSONValue.parse(value.serialized()) == value)
            }
        }
    }
}
