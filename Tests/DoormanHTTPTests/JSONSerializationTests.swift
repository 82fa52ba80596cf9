import Testing

import DoormanHTTP

@Suite struct JSONSerializationTests {
    static let cases: [(value: JSONValue, expected: String)] = [
        (nil, "null"),
        (true, "true"),
        (false, "false"),
        (0, "0"),
        (-42, "-42"),
        (2.5, "2.5"),
        ("", "\"\""),
        ("plain", "\"plain\""),
        ("quote \" backslash \\ slash /", #""quote \" backslash \\ slash /""#),
        ("\u{8}\u{C}\n\r\t", #""\b\f\n\r\t""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F}é😀\u{2028}", "\"\u{7F}é😀\u{2028}\""),
        ([], "[]"),
        ([:], "{}"),
        ([1, [2, [3]], ["k": nil]], #"[1,[2,[3]],{"k":null}]"#),
        (["b": 1, "a": ["y": 2, "x": 3]], #"{"b":1,"a":{"y":2,"x":3}}"#),
        (["key\n\"": "v"], #"{"key\n\"":"v"}"#),
    ]

    @Test(arguments: cases)
    func serializesValue(value: JSONValue, expected: String) {
        #expect(value.serializedString() == expected)
        #expect(value.serialized() == Array(expected.utf8))
        #expect(value.description == expected)
    }

    @Test(arguments: cases)
    func roundTripsValue(value: JSONValue, expected: String) throws {
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test func serializesTokenResponseInFixedOrder() {
        let response: JSONValue = [
            "access_token": "2YotnFZFEjr1zCsicMWpAA",
            "token_type": "Bearer",
            "expires_in": 3600,
            "refresh_token": "tGzv3JOkF0XG5Qx2TlKWIA",
            "scope": "openid profile",
        ]
        let expected =
            #"{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"Bearer","expires_in":3600,"#
            + #""refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","scope":"openid profile"}"#
        #expect(response.serializedString() == expected)
    }

    @Test func roundTripsParsedTextExactly() throws {
        let inputs = [
            #"{"z":[1.50,-0,1E+2,2e-7],"a":{"\u00e9":"\ud83d\ude00"},"m":null}"#,
            #"[true,false,"",{},[],0.000001]"#,
        ]
        for input in inputs {
            let value = try JSONValue.parse(input)
            let reparsed = try JSONValue.parse(value.serialized())
            #expect(reparsed == value)
            #expect(reparsed.objectValue?.keys == value.objectValue?.keys)
        }
    }

    @Test func keepsNumberTextThroughRoundTrip() throws {
        let value = try JSONValue.parse("[1.50,1E+2,-0,12345678901234567890123]")
        #expect(value.serializedString() == "[1.50,1E+2,-0,12345678901234567890123]")
    }

    @Test func escapesEveryControlCharacter() throws {
        let text = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let serialized = JSONValue.string(text).serialized()
        #expect(!serialized.contains { $0 < 0x20 })
        #expect(try JSONValue.parse(serialized) == .string(text))
    }
}
