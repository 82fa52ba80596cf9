import DoormanOAuth
import Testing

struct RedirectURIRegistrationTests {
    @Test(arguments: [
        "https://app.example/callback",
        "https://app.example",
        "https://app.example:8443/cb?x=1&y=2",
        "HTTPS://App.Example/cb",
        "https://app.example/a..b/.well-known",
        "https://your-site.xyz/callback/whop",
        "https://[2001:db8::1]/cb",
        "http://localhost:3000/callback",
        "http://LOCALHOST/cb",
        "http://127.0.0.1/cb",
        "http://127.255.255.254:8080/cb",
        "http://[::1]:8080/cb",
        "https://app.example/" + String(repeating: "a", count: 2000 - 20),
    ])
    func acceptedURI(uri: String) throws {
        try RedirectURI.validateForRegistration(uri)
    }

    @Test(arguments: [
        ("", RedirectURIError.notAbsolute),
        ("/callback", .notAbsolute),
        ("app.example/cb", .notAbsolute),
        ("https:/app.example/cb", .notAbsolute),
        ("1https://app.example/cb", .notAbsolute),
        ("ftp://app.example/cb", .unsupportedScheme("ftp")),
        ("javascript://app.example/%0Aalert(1)", .unsupportedScheme("javascript")),
        ("http://app.example/cb", .insecureHTTP(host: "app.example")),
        ("http://127.0.0.1.evil.example/cb", .insecureHTTP(host: "127.0.0.1.evil.example")),
        ("http://localhost.evil.example/cb", .insecureHTTP(host: "localhost.evil.example")),
        ("http://128.0.0.1/cb", .insecureHTTP(host: "128.0.0.1")),
        ("http://127.0.0.256/cb", .insecureHTTP(host: "127.0.0.256")),
        ("http://[::2]/cb", .insecureHTTP(host: "[::2]")),
        ("https://user@app.example/cb", .userinfo),
        ("https://user:password@app.example/cb", .userinfo),
        ("https://app.example@evil.example/cb", .userinfo),
        ("https://app.example/cb#section", .fragment),
        ("https://app.example/cb#", .fragment),
        ("https://example.com\\@evil.com", .backslash),
        ("https://app.example\\cb", .backslash),
        ("https://example.com%2e%2e/", .encodedDotOrSlash),
        ("https://app.example/a%2Fb", .encodedDotOrSlash),
        ("https://app.example/%2E%2E/admin", .encodedDotOrSlash),
        ("https://app.example/a%5cb", .encodedDotOrSlash),
        ("https://app.example/../cb", .dotSegment),
        ("https://app.example/./cb", .dotSegment),
        ("https://app.example/a/..", .dotSegment),
        ("https://app.example/a/.?x=1", .dotSegment),
        ("https://ex\u{0430}mple.com", .invalidCharacter("\u{0430}", offset: 10)),
        ("https://\u{FF45}xample.com", .invalidCharacter("\u{FF45}", offset: 8)),
        ("https://app.example/cb cb", .invalidCharacter(" ", offset: 22)),
        ("https://app.example/\tcb", .invalidCharacter("\t", offset: 20)),
        ("https://app.example/cb\u{7F}", .invalidCharacter("\u{7F}", offset: 22)),
        (" https://app.example/cb", .invalidCharacter(" ", offset: 0)),
        ("https://app.example/cb,https://other.example/cb", .comma),
        ("https:///cb", .emptyHost),
        ("https://:443/cb", .emptyHost),
        ("https://app..example/cb", .invalidHost("app..example")),
        ("https://app_example/cb", .invalidHost("app_example")),
        ("https://app.example./cb", .invalidHost("app.example.")),
        ("https://[zz::1]/cb", .invalidHost("[zz::1]")),
        ("https://app.example:/cb", .invalidPort("")),
        ("https://app.example:0/cb", .invalidPort("0")),
        ("https://app.example:65536/cb", .invalidPort("65536")),
        ("https://app.example:08443/cb", .invalidPort("08443")),
        ("https://app.example:44a/cb", .invalidPort("44a")),
        ("https://app.example:1:2/cb", .invalidPort("1:2")),
        ("https://app.example/" + String(repeating: "a", count: 2000 - 19), .tooLong(length: 2001)),
    ])
    func rejectedURI(uri: String, expected: RedirectURIError) {
        #expect(throws: expected) {
            try RedirectURI.validateForRegistration(uri)
        }
    }

    @Test func messagesNameTheProblem() {
        #expect(RedirectURIError.fragment.description.contains("fragment"))
        #expect(RedirectURIError.insecureHTTP(host: "a.example").description.contains("\"a.example\""))
        #expect(RedirectURIError.invalidCharacter("\u{0430}", offset: 10).description.contains("U+0430"))
        #expect(RedirectURIError.invalidCharacter("\t", offset: 3).description.contains("U+0009"))
        #expect(RedirectURIError.invalidPort("0").description.contains("1 to 65535"))
    }
}

struct RedirectURIMatchingTests {
    @Test(arguments: [
        ("https://app.example/cb", "https://app.example/cb", true),
        ("https://app.example/cb", "HTTPS://APP.EXAMPLE/cb", true),
        ("HTTPS://App.Example/cb", "https://app.example/cb", true),
        ("https://app.example/cb", "https://app.example/cb/", false),
        ("https://app.example/cb/", "https://app.example/cb", false),
        ("https://app.example/cb", "https://app.example/CB", false),
        ("https://app.example/cb", "https://app.example/cb?x=1", false),
        ("https://app.example/cb", "https://app.example/cb?", false),
        ("https://app.example/cb", "https://app.example/cb#x", false),
        ("https://app.example/cb", "https://app.example/cb#", false),
        ("https://app.example/cb", "https://user@app.example/cb", false),
        ("https://app.example/cb", "https://app.example:8443/cb", false),
        ("https://app.example/cb", "https://app.example:443/cb", false),
        ("https://app.example:443/cb", "https://app.example/cb", false),
        ("https://app.example:443/cb", "https://app.example:443/cb", true),
        ("https://app.example/cb?a=1", "https://app.example/cb?a=1", true),
        ("https://app.example/cb?a=1", "https://app.example/cb?a=2", false),
        ("https://app.example/cb?a=1", "https://app.example/cb?a=1&b=2", false),
        ("https://app.example/a%7Eb", "https://app.example/a~b", false),
        ("https://app.example/a%7eb", "https://app.example/a%7Eb", false),
        ("https://app.example/cb", "http://app.example/cb", false),
        ("https://app.example/cb", "https://app.example.evil.example/cb", false),
        ("https://app.example/cb", "https://app.example/cb/../cb", false),
        ("https://app.example/cb", "https://app.example\\@evil.example/cb", false),
        ("https://kiosk.example/cb", "https://\u{212A}iosk.example/cb", false),
        ("https://app.example/cb", "https://app.example/cb ", false),
        ("http://localhost:3000/cb", "http://localhost:3001/cb", false),
        ("http://localhost:3000/cb", "http://127.0.0.1:3000/cb", false),
        ("https://app.example/cb", "", false),
        ("https://app.example/cb", "app.example/cb", false),
    ])
    func matching(registered: String, requested: String, expected: Bool) {
        #expect(RedirectURI.matches(registered: registered, requested: requested) == expected)
    }
}

struct RedirectURIResolutionTests {
    private let single = ["https://app.example/cb"]
    private let several = ["https://app.example/cb", "https://app.example/other"]

    @Test(arguments: [nil, ""] as [String?])
    func absentUsesTheOnlyRegisteredURI(requested: String?) {
        #expect(RedirectURI.resolve(requested: requested, registered: single) == .success("https://app.example/cb"))
    }

    @Test func absentWithSeveralRegisteredFails() throws {
        let error = try #require(failure(of: RedirectURI.resolve(requested: nil, registered: several)))

        #expect(error.code == .invalidRedirectURI)
        #expect(error.description == "The requested redirect uri is malformed or doesn't match client redirect URI.")
    }

    @Test func absentWithNoneRegisteredFails() {
        #expect(failure(of: RedirectURI.resolve(requested: nil, registered: []))?.code == .invalidRedirectURI)
    }

    @Test func secondRegisteredURIMatches() {
        let result = RedirectURI.resolve(requested: "https://app.example/other", registered: several)

        #expect(result == .success("https://app.example/other"))
    }

    @Test func matchReturnsTheRegisteredSpelling() {
        let result = RedirectURI.resolve(requested: "https://APP.example/cb", registered: single)

        #expect(result == .success("https://app.example/cb"))
    }

    @Test(arguments: ["https://app.example/cb/", "https://evil.example/cb", "https://app.example/cb#x"])
    func unregisteredFails(requested: String) {
        let error = failure(of: RedirectURI.resolve(requested: requested, registered: several))

        #expect(error?.code == .invalidRedirectURI)
        #expect(error?.isRedirectable == false)
    }

    @Test func unregisteredCauseIsBounded() throws {
        let requested = "https://app.example/cb" + String(repeating: "\u{301}", count: 5000)
        let error = try #require(failure(of: RedirectURI.resolve(requested: requested, registered: single)))

        #expect((error.debugCause ?? "").utf8.count < 600)
    }

    private func failure(of result: Result<String, OAuthError>) -> OAuthError? {
        if case .failure(let error) = result { error } else { nil }
    }
}

struct RedirectURIQueryTests {
    @Test(arguments: [
        ("https://app.example/cb", "https://app.example/cb?code=abc"),
        ("https://app.example/cb?a=1", "https://app.example/cb?a=1&code=abc"),
        ("https://app.example/cb?", "https://app.example/cb?code=abc"),
        ("https://app.example/cb?a=1&", "https://app.example/cb?a=1&code=abc"),
        ("https://app.example", "https://app.example?code=abc"),
        ("https://app.example/cb#top", "https://app.example/cb?code=abc#top"),
    ])
    func codeIsMergedIntoQuery(uri: String, expected: String) {
        #expect(RedirectURI.appendingQuery(to: uri, parameters: [("code", "abc")]) == expected)
    }

    @Test func parametersKeepTheirOrder() {
        let uri = RedirectURI.appendingQuery(
            to: "https://app.example/cb", parameters: [("code", "c1"), ("state", "s1")])

        #expect(uri == "https://app.example/cb?code=c1&state=s1")
    }

    @Test(arguments: ["a&b=c", "x y", "=&=", "é€😀", "a+b%20c", "#frag?q", "", "~-._"])
    func stateRoundTrips(state: String) throws {
        let uri = RedirectURI.appendingQuery(
            to: "https://app.example/cb?a=1", parameters: [("code", "abc"), ("state", state)])
        let query = try #require(uri.split(separator: "?", maxSplits: 1).last)
        let pairs = try #require(FormURLEncoding.decodePairs(String(query)))

        #expect(pairs.map(\.name) == ["a", "code", "state"])
        #expect(pairs.last?.value == state)
        #expect(!uri.contains("#"))
    }

    @Test func specialCharactersArePercentEncoded() {
        let uri = RedirectURI.appendingQuery(to: "https://app.example/cb", parameters: [("state", "a b&c=d/é")])

        #expect(uri == "https://app.example/cb?state=a%20b%26c%3Dd%2F%C3%A9")
    }

    @Test func noParametersLeavesURI() {
        let uri = RedirectURI.appendingQuery(to: "https://app.example/cb?a=1", parameters: [])

        #expect(uri == "https://app.example/cb?a=1")
    }
}

struct FormURLEncodingTests {
    @Test(arguments: [
        ("abc-._~XYZ019", "abc-._~XYZ019"),
        ("a b", "a%20b"),
        ("a+b", "a%2Bb"),
        ("é", "%C3%A9"),
        ("\n", "%0A"),
        ("", ""),
    ])
    func encoding(value: String, encoded: String) {
        #expect(FormURLEncoding.encode(value) == encoded)
    }

    @Test(arguments: [
        ("a+b", "a b"),
        ("a%20b", "a b"),
        ("%C3%A9", "é"),
        ("%c3%a9", "é"),
        ("plain", "plain"),
    ])
    func decoding(component: String, decoded: String) {
        #expect(FormURLEncoding.decode(component) == decoded)
    }

    @Test(arguments: ["%", "%4", "%zz", "%E9", "%C3"])
    func malformedComponentDecodesToNil(component: String) {
        #expect(FormURLEncoding.decode(component) == nil)
    }

    @Test func pairsDecodeInOrder() throws {
        let pairs = try #require(FormURLEncoding.decodePairs("a=1&&b=&c&d=x=y"))

        #expect(pairs.map(\.name) == ["a", "b", "c", "d"])
        #expect(pairs.map(\.value) == ["1", "", "", "x=y"])
    }

    @Test func pairsSplitAtSeparatorBeforeCombiningMark() throws {
        let pairs = try #require(FormURLEncoding.decodePairs("a=1&\u{301}b=2=\u{301}"))

        #expect(pairs.count == 2)
        #expect(pairs.map { Array($0.name.utf8) } == [Array("a".utf8), Array("\u{301}b".utf8)])
        #expect(pairs.map { Array($0.value.utf8) } == [Array("1".utf8), Array("2=\u{301}".utf8)])
    }

    @Test func malformedPairIsNil() {
        #expect(FormURLEncoding.decodePairs("a=%zz") == nil)
    }
}

struct RedirectURIStoredRuleTests {
    @Test(arguments: [
        "http://app.example/cb",
        "https://user@app.example/cb",
        "https://app.example/cb#frag",
        "https://app.example/a%2Fb",
        "https://app.example\\cb",
        "https://app.example/\u{FF0F}cb",
        "https://\u{FF41}pp.example/cb",
    ])
    func storedURIFailingRegistrationIsNeverChosen(stored: String) {
        let absent = RedirectURI.resolve(requested: nil, registered: [stored])
        let sent = RedirectURI.resolve(requested: stored, registered: [stored])

        #expect(failureCode(absent) == .invalidRedirectURI)
        #expect(failureCode(sent) == .invalidRedirectURI)
    }

    private func failureCode(_ result: Result<String, OAuthError>) -> OAuthErrorCode? {
        guard case .failure(let error) = result else {
            return nil
        }
        return error.code
    }

    @Test(arguments: ["https://app.example/cb", "http://localhost:3000/cb", "http://[::1]/cb"])
    func registrableURIsPass(uri: String) {
        #expect(RedirectURI.isRegistrable(uri))
    }

    @Test(arguments: [
        "https://\u{FF41}pp.example/cb",
        "https://app.example/\u{FF0E}\u{FF0E}/cb",
        "https://app.example/cb?next=\u{2215}evil",
        "https://app.example\u{3002}evil.example/cb",
    ])
    func lookAlikeCharactersAnywhereFail(uri: String) {
        #expect(RedirectURI.isRegistrable(uri) == false)
    }
}
