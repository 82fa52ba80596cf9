import Testing

import DoormanHTTP

@Suite struct HTTPParseErrorTests {
    static let messages: [(error: HTTPParseError, expected: String)] = [
        (
            .invalidPercentEncoding(offset: 7),
            "invalid percent-encoding at byte offset 7: '%' must be followed by two hexadecimal digits"
        ),
        (.invalidUTF8(offset: 3), "invalid UTF-8 at byte offset 3; send text encoded as UTF-8"),
        (.emptyParameterName(offset: 4), "parameter at byte offset 4 has an empty name; send parameters as name=value"),
        (.tooManyParameters(limit: 1000), "too many parameters: at most 1000 are accepted"),
        (
            .invalidJSON(offset: 2, reason: "trailing comma before ']'"),
            "invalid JSON at byte offset 2: trailing comma before ']'"
        ),
        (.duplicateJSONKey("code", offset: 30), "duplicate JSON key \"code\" at byte offset 30; send each key once"),
        (.jsonNestingTooDeep(limit: 64, offset: 64), "JSON nesting deeper than 64 levels at byte offset 64"),
        (
            .malformedAuthorization(reason: "the Bearer token is missing"),
            "malformed Authorization header: the Bearer token is missing"
        ),
        (.unsupportedAuthorizationScheme("Digest"), "unsupported Authorization scheme \"Digest\"; use Basic or Bearer"),
        (.authorizationTooLong(limit: 8192), "Authorization header is longer than 8192 bytes"),
        (
            .malformedMediaType(reason: "expected '/' after the type"),
            "malformed media type: expected '/' after the type"
        ),
    ]

    @Test(arguments: messages)
    func describesError(error: HTTPParseError, expected: String) {
        #expect(error.description == expected)
    }

    @Test func escapesEchoedKey() {
        let error = HTTPParseError.duplicateJSONKey("a\"b\\c\n\u{202E}d", offset: 1)
        let expected = #"duplicate JSON key "a\"b\\c\u{A}\u{202E}d" at byte offset 1; send each key once"#
        #expect(error.description == expected)
    }

    @Test func truncatesLongKey() {
        let key = String(repeating: "k", count: 10_000)
        let message = HTTPParseError.duplicateJSONKey(key, offset: 1).description
        #expect(message.contains(String(repeating: "k", count: 64) + "…\""))
        #expect(!message.contains(String(repeating: "k", count: 65)))
    }

    @Test func truncatesKeyWithManyCombiningMarks() {
        // One character: "a" with 100,000 combining acute accents.
        let key = "a" + String(repeating: "\u{301}", count: 100_000)
        let message = HTTPParseError.duplicateJSONKey(key, offset: 1).description
        #expect(message.unicodeScalars.count < 200)
    }

    @Test func truncatesLongScheme() throws {
        let scheme = String(repeating: "X", count: 5000)
        let error = #expect(throws: HTTPParseError.self) {
            try AuthorizationCredentials.parse(scheme + " abc")
        }
        let message = try #require(error).description
        #expect(message.count < 200)
    }

    @Test func keepsNonASCIIKeyReadable() {
        #expect(HTTPParseError.duplicateJSONKey("clé", offset: 0).description.contains("\"clé\""))
    }
}
