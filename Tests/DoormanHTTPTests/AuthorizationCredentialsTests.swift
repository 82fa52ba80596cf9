import Testing

@testable import DoormanHTTP

/// Encodes bytes as standard base64 with padding, to build test headers.
func base64Encoded(_ text: some Sequence<UInt8>) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    let bytes = Array(text)
    var output = ""
    for start in stride(from: 0, to: bytes.count, by: 3) {
        let group = bytes[start..<min(start + 3, bytes.count)]
        var bits: UInt32 = 0
        for (position, byte) in group.enumerated() {
            bits |= UInt32(byte) << UInt32(16 - 8 * position)
        }
        for position in 0..<4 {
            let sextet = Int(bits >> UInt32(18 - 6 * position)) & 0x3F
            output.append(position <= group.count ? alphabet[sextet] : "=")
        }
    }
    return output
}

func basicHeader(_ credentials: String) -> String {
    "Basic " + base64Encoded(credentials.utf8)
}

@Suite struct AuthorizationCredentialsTests {
    typealias Credentials = AuthorizationCredentials

    @Test func testEncoderMatchesKnownVectors() {
        #expect(base64Encoded("Aladdin:open sesame".utf8) == "QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
        #expect(base64Encoded("user:pas".utf8) == "dXNlcjpwYXM=")
        #expect(base64Encoded("??>:1".utf8) == "Pz8+OjE=")
    }

    @Test func acceptsStandardAlphabetSymbols() throws {
        #expect(try Credentials.parse("Basic Pz8+OjE=", basicDecoding: .raw) == .basic(username: "??>", password: "1"))
        #expect(try Credentials.parse("Basic eDo/P34=", basicDecoding: .raw) == .basic(username: "x", password: "??~"))
    }

    static let basicCases: [(header: String, username: String, password: String)] = [
        ("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Aladdin", "open sesame"),
        ("basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Aladdin", "open sesame"),
        ("BASIC QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Aladdin", "open sesame"),
        ("  Basic   QWxhZGRpbjpvcGVuIHNlc2FtZQ==  ", "Aladdin", "open sesame"),
        ("Basic\tQWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Aladdin", "open sesame"),
        (basicHeader("client:secret"), "client", "secret"),
        (basicHeader("client:se:cr:et"), "client", "se:cr:et"),
        (basicHeader("client:"), "client", ""),
        (basicHeader(":secret"), "", "secret"),
        (basicHeader(":"), "", ""),
        (basicHeader("my+client:pa+ss"), "my client", "pa ss"),
        (basicHeader("client:a%2Bb"), "client", "a+b"),
        (basicHeader("urn%3Aexample%3Aclient:x"), "urn:example:client", "x"),
        (basicHeader("caf%C3%A9:%E2%82%AC"), "café", "€"),
        (basicHeader("café:€"), "café", "€"),
        (basicHeader("a%25b:100%25"), "a%b", "100%"),
    ]

    @Test(arguments: basicCases)
    func parsesBasicCredentials(header: String, username: String, password: String) throws {
        #expect(try Credentials.parse(header) == .basic(username: username, password: password))
        #expect(try Credentials.parse(Array(header.utf8)) == .basic(username: username, password: password))
    }

    static let rawCases: [(credentials: String, username: String, password: String)] = [
        ("my+client:pa+ss", "my+client", "pa+ss"),
        ("client:a%2Bb", "client", "a%2Bb"),
        ("urn%3Aa:x", "urn%3Aa", "x"),
        ("caf%C3%A9:%", "caf%C3%A9", "%"),
        ("café:€", "café", "€"),
    ]

    @Test(arguments: rawCases)
    func keepsRawBasicParts(credentials: String, username: String, password: String) throws {
        let parsed = try Credentials.parse(basicHeader(credentials), basicDecoding: .raw)
        #expect(parsed == .basic(username: username, password: password))
    }

    static let malformedBasicHeaders: [String] = [
        "Basic",
        "Basic ",
        basicHeader("no-colon"),
        basicHeader(""),
        "Basic dXNlcjpwYXNz=",
        "Basic dXNlcjpwYXM",
        "Basic dXNlcjpwYXN=",
        "Basic dXNl!jpwYXM=",
        "Basic dXNlcjpw YXM=",
        "Basic dXNlcjpwYXM= extra",
        "Basic ====",
        "Basic dXNl====",
        "Basic dX=lcjpwYXM=",
        "Basic =XNlcjpwYXM=",
        "Basic Pz8-OjE=",  // base64url form of "Pz8+OjE=", which is "??>:1"
        "Basic eDo_P34=",  // base64url form of "eDo/P34=", which is "x:??~"
        basicHeader("client:%"),
        basicHeader("client:%4"),
        basicHeader("client:%G1"),
        basicHeader("client:%FF"),
        basicHeader("%C3:x"),
        basicHeader("client:pa\nss"),
        basicHeader("client:%0A"),
        basicHeader("cli\u{7F}ent:x"),
        "Basic " + base64Encoded([0x61, 0x3A, 0xC3]),
        "Basic " + base64Encoded([0xFF, 0x3A, 0x61]),
    ]

    @Test(arguments: malformedBasicHeaders)
    func rejectsMalformedBasic(header: String) {
        let error = #expect(throws: HTTPParseError.self) {
            try Credentials.parse(header)
        }
        guard case .malformedAuthorization = error else {
            Issue.record("expected malformedAuthorization, got \(String(describing: error))")
            return
        }
    }

    @Test func rejectsInvalidRawBasic() {
        for bytes: [UInt8] in [[0x61, 0x3A, 0xC3], [0x61, 0x3A, 0x0A], [0xC3, 0x3A, 0x61]] {
            #expect(throws: HTTPParseError.self) {
                try Credentials.parse("Basic " + base64Encoded(bytes), basicDecoding: .raw)
            }
        }
    }

    @Test func reportsMissingColon() {
        let error = #expect(throws: HTTPParseError.self) {
            try Credentials.parse(basicHeader("justaclient"))
        }
        #expect(error?.description.contains("no ':'") == true)
    }

    @Test func keepsSecretsOutOfMessages() {
        let secret = "S3cr3tValue"
        let headers = [
            basicHeader("client" + secret),
            basicHeader("client:%ZZ" + secret),
            basicHeader("client:%FF" + secret),
            basicHeader("client:\n" + secret),
            "Basic " + base64Encoded(Array(("client:" + secret).utf8) + [0xFF]),
            "Bearer " + secret + " " + secret,
            "Bearer " + secret + "=x",
        ]
        for header in headers {
            let error = #expect(throws: HTTPParseError.self) {
                try Credentials.parse(header)
            }
            #expect(error?.description.contains(secret) == false, "message leaks the secret: \(header)")
        }
    }

    @Test func hidesSecretsInDescription() throws {
        let basic = try Credentials.parse(basicHeader("client:hunter2"))
        #expect(!String(describing: basic).contains("hunter2"))
        #expect(!String(reflecting: basic).contains("hunter2"))
        #expect(String(describing: basic).contains("client"))

        let bearer = try Credentials.parse("Bearer topsecret")
        #expect(!String(describing: bearer).contains("topsecret"))
        #expect(!String(reflecting: bearer).contains("topsecret"))
    }

    static let bearerCases: [(header: String, token: String)] = [
        ("Bearer mF_9.B5f-4.1JqM", "mF_9.B5f-4.1JqM"),
        ("bearer abc", "abc"),
        ("BEARER abc", "abc"),
        ("BeArEr abc", "abc"),
        ("Bearer   abc  ", "abc"),
        ("Bearer a~b+c/d==", "a~b+c/d=="),
        ("Bearer abc=", "abc="),
        ("Bearer 0", "0"),
    ]

    @Test(arguments: bearerCases)
    func parsesBearerToken(header: String, token: String) throws {
        #expect(try Credentials.parse(header) == .bearer(token))
    }

    static let malformedBearerHeaders = [
        "Bearer",
        "Bearer ",
        "Bearer    ",
        "Bearer abc def",
        "Bearer abc\tdef",
        "Bearer a=b",
        "Bearer =",
        "Bearer ===",
        "Bearer a,b",
        "Bearer \"abc\"",
        "Bearer abc;",
        "Bearer tökén",
        "Bearer a\u{0}b",
    ]

    @Test(arguments: malformedBearerHeaders)
    func rejectsMalformedBearer(header: String) {
        let error = #expect(throws: HTTPParseError.self) {
            try Credentials.parse(header)
        }
        guard case .malformedAuthorization = error else {
            Issue.record("expected malformedAuthorization, got \(String(describing: error))")
            return
        }
    }

    @Test func explainsTwoBearerTokens() {
        #expect(throws: HTTPParseError.malformedAuthorization(reason: "Bearer credentials must be a single token")) {
            try Credentials.parse("Bearer one two")
        }
    }

    static let unsupportedCases: [(header: String, scheme: String)] = [
        ("Digest username=\"x\"", "Digest"),
        ("Negotiate", "Negotiate"),
        ("DPoP abc", "DPoP"),
        ("Basicx abc", "Basicx"),
        ("Bearerabc", "Bearerabc"),
    ]

    @Test(arguments: unsupportedCases)
    func rejectsUnsupportedScheme(header: String, scheme: String) {
        #expect(throws: HTTPParseError.unsupportedAuthorizationScheme(scheme)) {
            try Credentials.parse(header)
        }
    }

    static let malformedHeaders = ["", "   ", "Bas\"ic abc", "Bé abc", "@ abc", "\u{0} x"]

    @Test(arguments: malformedHeaders)
    func rejectsMalformedScheme(header: String) {
        let error = #expect(throws: HTTPParseError.self) {
            try Credentials.parse(header)
        }
        guard case .malformedAuthorization = error else {
            Issue.record("expected malformedAuthorization, got \(String(describing: error))")
            return
        }
    }

    @Test func acceptsHeaderAtLengthLimit() throws {
        let token = String(repeating: "a", count: Credentials.maximumLength - "Bearer ".count)
        #expect(try Credentials.parse("Bearer " + token) == .bearer(token))
    }

    @Test func rejectsHeaderBeyondLengthLimit() {
        let token = String(repeating: "a", count: Credentials.maximumLength - "Bearer ".count + 1)
        #expect(throws: HTTPParseError.authorizationTooLong(limit: 8192)) {
            try Credentials.parse("Bearer " + token)
        }
    }

    @Test func rejectsHugeHeaderQuickly() {
        let header = [UInt8](repeating: 0x41, count: 10_000_000)
        #expect(throws: HTTPParseError.authorizationTooLong(limit: 8192)) {
            try Credentials.parse(header)
        }
    }

    @Test func neverCrashesOnArbitraryCredentials() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<12, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if case .basic(let username, let password)? = try? Credentials.parse("Basic " + base64Encoded(bytes)) {
                #expect(!username.utf8.contains(where: { $0 < 0x20 }))
                #expect(!password.utf8.contains(where: { $0 < 0x20 }))
            }
        }
    }
}
