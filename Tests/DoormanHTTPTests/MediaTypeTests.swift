import Testing

import DoormanHTTP

@Suite struct MediaTypeTests {
    typealias Parameter = MediaType.Parameter

    static let validCases: [(header: String, essence: String, parameters: [Parameter])] = [
        ("application/json", "application/json", []),
        ("Application/JSON", "application/json", []),
        ("application/json; charset=utf-8", "application/json", [Parameter(name: "charset", value: "utf-8")]),
        ("application/json;charset=UTF-8", "application/json", [Parameter(name: "charset", value: "UTF-8")]),
        ("  application/json  ;  Charset=utf-8  ", "application/json", [Parameter(name: "charset", value: "utf-8")]),
        ("text/plain; charset=\"utf-8\"", "text/plain", [Parameter(name: "charset", value: "utf-8")]),
        ("text/plain; x=\"a\\\"b\\\\c\"", "text/plain", [Parameter(name: "x", value: "a\"b\\c")]),
        ("text/plain; x=\"a; b=c\"", "text/plain", [Parameter(name: "x", value: "a; b=c")]),
        ("text/plain; x=\"\"", "text/plain", [Parameter(name: "x", value: "")]),
        ("text/plain;", "text/plain", []),
        (
            "text/plain;;; a=1 ;; b=2;",
            "text/plain",
            [Parameter(name: "a", value: "1"), Parameter(name: "b", value: "2")]
        ),
        ("text/plain; a=1; a=2", "text/plain", [Parameter(name: "a", value: "1"), Parameter(name: "a", value: "2")]),
        ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded", []),
        (
            "multipart/form-data; boundary=----abc",
            "multipart/form-data",
            [Parameter(name: "boundary", value: "----abc")]
        ),
        ("application/vnd.api+json", "application/vnd.api+json", []),
    ]

    @Test(arguments: validCases)
    func parsesValidValue(header: String, essence: String, parameters: [Parameter]) throws {
        let mediaType = try MediaType.parse(header)
        #expect(mediaType.essence == essence)
        #expect(mediaType.parameters == parameters)
        #expect(try MediaType.parse(Array(header.utf8)) == mediaType)
    }

    @Test func readsParametersWithoutCase() throws {
        let mediaType = try MediaType.parse("Application/Json; CharSet=UTF-8")
        #expect(mediaType.type == "application")
        #expect(mediaType.subtype == "json")
        #expect(mediaType.parameter("charset") == "UTF-8")
        #expect(mediaType.parameter("CHARSET") == "UTF-8")
        #expect(mediaType.charset == "utf-8")
        #expect(mediaType.parameter("boundary") == nil)
    }

    @Test func matchesEssenceWithoutCase() throws {
        let mediaType = try MediaType.parse("APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8")
        #expect(mediaType.hasEssence("application/x-www-form-urlencoded"))
        #expect(mediaType.hasEssence("Application/X-WWW-Form-URLEncoded"))
        #expect(!mediaType.hasEssence("application/json"))
        #expect(mediaType.essence == MediaType.formURLEncoded.essence)
        #expect(try MediaType.parse("application/json") == MediaType.json)
    }

    static let invalidCases = [
        "",
        "   ",
        "application",
        "application/",
        "/json",
        "application /json",
        "application/ json",
        "application/json/extra",
        "application/json charset=utf-8",
        "application/json; charset",
        "application/json; charset=",
        "application/json; charset =utf-8",
        "application/json; charset= utf-8",
        "application/json; =utf-8",
        "application/json; charset=\"utf-8",
        "application/json; charset=\"utf-8\\",
        "application/json; charset=utf 8",
        "application/json; charset=\"a\u{1}b\"",
        "application/jsoné",
        "application/json; x=\"é\"",
        "application/json, text/plain",
        "application/json; a=1; b=2 c",
    ]

    @Test(arguments: invalidCases)
    func rejectsInvalidValue(header: String) {
        let error = #expect(throws: HTTPParseError.self) {
            try MediaType.parse(header)
        }
        guard case .malformedMediaType = error else {
            Issue.record("expected malformedMediaType, got \(String(describing: error))")
            return
        }
    }

    @Test func rejectsTooManyParameters() throws {
        let allowed = "text/plain" + String(repeating: "; a=1", count: MediaType.maximumParameterCount)
        #expect(try MediaType.parse(allowed).parameters.count == MediaType.maximumParameterCount)

        let error = #expect(throws: HTTPParseError.self) {
            try MediaType.parse(allowed + "; a=1")
        }
        #expect(error?.description.contains("more than 32 parameters") == true)
    }

    @Test func rendersHeaderValue() {
        let plain = MediaType(type: "Text", subtype: "HTML", parameters: [Parameter(name: "Charset", value: "utf-8")])
        #expect(plain.description == "text/html; charset=utf-8")

        let quoted = MediaType(type: "text", subtype: "plain", parameters: [Parameter(name: "x", value: "a \"b\"")])
        #expect(quoted.description == "text/plain; x=\"a \\\"b\\\"\"")
        #expect(MediaType.json.description == "application/json")
    }

    @Test func renderedValueParsesBack() throws {
        let mediaType = MediaType(
            type: "multipart",
            subtype: "form-data",
            parameters: [Parameter(name: "boundary", value: "a b;c\\d"), Parameter(name: "x", value: "")]
        )
        #expect(try MediaType.parse(mediaType.description) == mediaType)
    }
}

@Suite struct MediaTypeRobustnessTests {
    @Test func neverCrashesOnArbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("a/;= \"\\\tx".utf8) + [0x00, 0x80, 0xFF]
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<16, using: &generator)
            let header = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            if let mediaType = try? MediaType.parse(header) {
                #expect(!mediaType.type.isEmpty)
                #expect(!mediaType.subtype.isEmpty)
            }
        }
    }
}
