import DoormanOAuth
import Testing


private func parse(
    _ parameters: Parameters, basic: (id: String, secret: String)? = nil, query: [String] = []
) throws -> TokenRequest {
    try TokenRequest.parse(parameters: parameters, basicCredentials: basic, queryParameterNames: query)
}

private func parseError(
    _ parameters: Parameters, basic: (id: String, secret: String)? = nil, query: [String] = []
) -> OAuthError? {
    oauthError { try parse(parameters, basic: basic, query: query) }
}

struct TokenRequestGrantTests {
    @Test func missingGrantTypeMeansAuthorizationCode() throws {
        let request = try parse([("code", "c1"), ("client_id", "app_1"), ("client_secret", "s1")])

        #expect(request.grant == .authorizationCode(.init(code: "c1")))
        #expect(request.clientID == "app_1")
        #expect(request.clientSecret == "s1")
        #expect(request.authenticationMethod == .clientSecretPost)
    }

    @Test func emptyGrantTypeMeansAuthorizationCode() throws {
        let request = try parse([("grant_type", ""), ("code", "c1"), ("client_id", "app_1")])

        #expect(request.grant == .authorizationCode(.init(code: "c1")))
    }

    @Test func authorizationCodeCarriesRedirectAndVerifier() throws {
        let request = try parse([
            ("grant_type", "authorization_code"), ("code", "c1"), ("redirect_uri", "https://app.example/cb"),
            ("code_verifier", Fixtures.verifier), ("client_id", "app_1"),
        ])

        let expected = TokenRequest.AuthorizationCodeGrant(
            code: "c1", redirectURI: "https://app.example/cb", codeVerifier: Fixtures.verifier)
        #expect(request.grant == .authorizationCode(expected))
        #expect(request.authenticationMethod == TokenRequest.AuthenticationMethod.none)
        #expect(request.clientSecret == nil)
    }

    @Test func refreshTokenGrant() throws {
        let request = try parse([("grant_type", "refresh_token"), ("refresh_token", "r1"), ("client_id", "app_1")])

        #expect(request.grant == .refreshToken(.init(refreshToken: "r1")))
    }

    @Test func refreshTokenGrantWithScope() throws {
        let request = try parse([
            ("grant_type", "refresh_token"), ("refresh_token", "r1"), ("scope", "user openid"), ("client_id", "app_1"),
        ])

        #expect(request.grant == .refreshToken(.init(refreshToken: "r1", scope: try Scope.parse("openid user"))))
    }

    @Test func refreshTokenGrantWithUnknownScope() {
        let error = parseError([
            ("grant_type", "refresh_token"), ("refresh_token", "r1"), ("scope", "admin"), ("client_id", "app_1"),
        ])

        #expect(error?.code == .invalidScope)
        #expect(error?.description == WireText.invalidScope)
    }

    @Test(arguments: ["password", "client_credentials", "implicit", "AUTHORIZATION_CODE", "urn:x"])
    func unknownGrantTypeIsUnsupported(grantType: String) {
        let error = parseError([("grant_type", grantType), ("code", "c1"), ("client_id", "app_1")])

        #expect(error?.code == .unsupportedGrantType)
        #expect(error?.description == WireText.unsupportedGrantType)
        #expect(error?.status == 400)
    }

    @Test func unknownGrantTypeCauseIsBounded() throws {
        // One letter with 5000 combining marks is a single Character, so a cap on Characters keeps all of it.
        let grantType = "x" + String(repeating: "\u{301}", count: 5000)
        let error = try #require(parseError([("grant_type", grantType), ("code", "c1"), ("client_id", "app_1")]))

        #expect(error.code == .unsupportedGrantType)
        #expect((error.debugCause ?? "").utf8.count < 400)
    }

    @Test(arguments: [[("client_id", "app_1")], [("code", ""), ("client_id", "app_1")]] as [Parameters])
    func missingCodeIsNamed(parameters: Parameters) {
        let error = parseError(parameters)

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == "Missing required parameter: code.")
    }

    @Test func missingRefreshTokenIsNamed() {
        let error = parseError([("grant_type", "refresh_token"), ("client_id", "app_1")])

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == "Missing required parameter: refresh_token.")
    }

    @Test func unknownParametersAreIgnored() throws {
        let request = try parse([("code", "c1"), ("client_id", "app_1"), ("extra", "1"), ("extra", "2")])

        #expect(request.grant == .authorizationCode(.init(code: "c1")))
    }

    @Test func scopeIsIgnoredForAuthorizationCode() throws {
        let request = try parse([("code", "c1"), ("client_id", "app_1"), ("scope", "admin")])

        #expect(request.grant == .authorizationCode(.init(code: "c1")))
    }
}

struct TokenRequestDuplicateTests {
    @Test(arguments: ["code", "client_id", "client_secret", "grant_type", "redirect_uri", "code_verifier"])
    func repeatedParameterIsInvalidRequest(name: String) {
        var parameters: Parameters = [("code", "c1"), ("client_id", "app_1"), ("client_secret", "s1")]
        parameters.append((name, "first"))
        parameters.append((name, "second"))

        let error = parseError(parameters)

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == WireText.invalidRequest)
    }

    @Test func emptyRepeatCountsAsAbsent() throws {
        let request = try parse([("code", ""), ("code", "c1"), ("client_id", "app_1")])

        #expect(request.grant == .authorizationCode(.init(code: "c1")))
    }

    @Test func duplicateComesBeforeUnsupportedGrant() {
        let error = parseError([("grant_type", "password"), ("grant_type", "password"), ("client_id", "app_1")])

        #expect(error?.code == .invalidRequest)
    }
}

struct TokenRequestClientTests {
    @Test func basicCredentialsAreFormDecoded() throws {
        let request = try parse([("code", "c1")], basic: (id: "app%3A1", secret: "a%2Bb+c"))

        #expect(request.clientID == "app:1")
        #expect(request.clientSecret == "a+b c")
        #expect(request.authenticationMethod == .clientSecretBasic)
    }

    @Test func basicWithEmptySecretHasNoSecret() throws {
        let request = try parse([("code", "c1")], basic: (id: "app_1", secret: ""))

        #expect(request.clientSecret == nil)
        #expect(request.authenticationMethod == .clientSecretBasic)
    }

    @Test func basicWithMatchingBodyClientIDIsAccepted() throws {
        let request = try parse([("code", "c1"), ("client_id", "app_1")], basic: (id: "app_1", secret: "s1"))

        #expect(request.clientID == "app_1")
        #expect(request.clientSecret == "s1")
    }

    @Test func basicWithDifferentBodyClientIDIsInvalidRequest() {
        let error = parseError([("code", "c1"), ("client_id", "app_2")], basic: (id: "app_1", secret: "s1"))

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == WireText.invalidRequest)
    }

    @Test func basicAndBodySecretIsInvalidRequest() {
        let error = parseError([("code", "c1"), ("client_secret", "s1")], basic: (id: "app_1", secret: "s1"))

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == WireText.invalidRequest)
    }

    @Test(arguments: [("", "s1"), ("%zz", "s1"), ("app_1", "%"), ("%FF", "s1")])
    func malformedBasicIsInvalidClient(id: String, secret: String) {
        let error = parseError([("code", "c1")], basic: (id: id, secret: secret))

        #expect(error?.code == .invalidClient)
        #expect(error?.status == 401)
    }

    @Test(arguments: ["client_secret", "client_id"])
    func credentialsInQueryAreInvalidRequest(name: String) {
        let error = parseError([("code", "c1"), ("client_id", "app_1")], query: [name])

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == WireText.invalidRequest)
    }

    @Test func otherQueryParametersAreIgnored() throws {
        let request = try parse([("code", "c1"), ("client_id", "app_1")], query: ["foo", "code"])

        #expect(request.clientID == "app_1")
    }

    @Test func queryCredentialsComeFirst() {
        let error = parseError([("grant_type", "password")], query: ["client_secret"])

        #expect(error?.code == .invalidRequest)
    }

    @Test(arguments: [[("code", "c1")], [("code", "c1"), ("client_id", ""), ("client_secret", "s1")]] as [Parameters])
    func noClientIDIsInvalidClient(parameters: Parameters) {
        let error = parseError(parameters)

        #expect(error?.code == .invalidClient)
        #expect(error?.description == WireText.invalidClient)
        #expect(error?.status == 401)
    }

    @Test func missingCodeComesBeforeMissingClient() {
        let error = parseError([])

        #expect(error?.description == "Missing required parameter: code.")
    }
}
