import DoormanOAuth
import Testing

private func validate(_ parameters: Parameters, allowPlainPKCE: Bool = false) -> AuthorizeOutcome {
    AuthorizeRequest.validate(parameters: parameters, lookupClient: Fixtures.lookup, allowPlainPKCE: allowPlainPKCE)
}

private func pageError(_ outcome: AuthorizeOutcome) -> OAuthError? {
    if case .showError(let error) = outcome { error } else { nil }
}

private func redirectError(_ outcome: AuthorizeOutcome) -> (uri: String, error: OAuthError, state: String?)? {
    if case .redirectError(let uri, let error, let state) = outcome { (uri, error, state) } else { nil }
}

private func validated(_ outcome: AuthorizeOutcome) -> ValidatedAuthorization? {
    if case .proceed(let authorization) = outcome { authorization } else { nil }
}

/// Parameters of a valid request from the confidential client, to which a test appends or overrides.
private let base: Parameters = [
    ("client_id", "app_conf"), ("redirect_uri", Fixtures.callback), ("response_type", "code"), ("state", "xyz"),
]

struct AuthorizeErrorPageTests {
    @Test(arguments: [[], [("client_id", "")], [("redirect_uri", Fixtures.callback)]] as [Parameters])
    func missingClientIDIsShown(parameters: Parameters) {
        let error = pageError(validate(parameters))

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == "Missing required parameter: client_id.")
    }

    @Test func unknownClientIsShown() {
        let error = pageError(validate([("client_id", "app_nobody"), ("redirect_uri", Fixtures.callback)]))

        #expect(error?.code == .invalidClient)
        #expect(error?.description == WireText.invalidClient)
    }

    @Test func unknownClientWithBadScopeIsShownNotRedirected() {
        let outcome = validate([
            ("client_id", "app_nobody"), ("redirect_uri", Fixtures.callback), ("scope", "admin"), ("state", "s"),
        ])

        #expect(pageError(outcome)?.code == .invalidClient)
    }

    @Test(arguments: ["client_id", "redirect_uri"])
    func repeatedClientOrRedirectIsShown(name: String) {
        let error = pageError(validate(base + [(name, name == "client_id" ? "app_conf" : Fixtures.callback)]))

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == WireText.invalidRequest)
    }

    @Test(arguments: [
        "https://evil.example/callback", Fixtures.callback + "/", Fixtures.callback + "#x",
        "https://user@app.example/callback", "https://app.example/callback?x=1",
    ])
    func unregisteredRedirectIsShown(redirectURI: String) {
        let error = pageError(validate([("client_id", "app_conf"), ("redirect_uri", redirectURI)]))

        #expect(error?.code == .invalidRedirectURI)
        #expect(error?.description == WireText.invalidRedirectURI)
    }

    @Test func unregisteredRedirectWithBadResponseTypeIsShown() {
        let outcome = validate([
            ("client_id", "app_conf"), ("redirect_uri", "https://evil.example/"), ("response_type", "token"),
        ])

        #expect(pageError(outcome)?.code == .invalidRedirectURI)
    }

    @Test func missingRedirectWithSeveralRegisteredIsShown() {
        let error = pageError(validate([("client_id", "app_two"), ("response_type", "code")]))

        #expect(error?.code == .invalidRedirectURI)
    }
}

struct AuthorizeRedirectErrorTests {
    @Test(arguments: ["token", "id_token", "code token", "CODE"])
    func otherResponseTypeIsRedirected(responseType: String) throws {
        let parameters: Parameters = [
            ("client_id", "app_conf"), ("response_type", responseType), ("state", "xyz"),
        ]
        let redirect = try #require(redirectError(validate(parameters)))

        #expect(redirect.uri == Fixtures.callback)
        #expect(redirect.error.code == .unsupportedResponseType)
        #expect(redirect.error.description == WireText.unsupportedResponseType)
        #expect(redirect.error.isRedirectable)
        #expect(redirect.state == "xyz")
    }

    @Test func otherResponseTypeCauseIsBounded() throws {
        let responseType = "t" + String(repeating: "\u{301}", count: 5000)
        let parameters: Parameters = [("client_id", "app_conf"), ("response_type", responseType)]
        let redirect = try #require(redirectError(validate(parameters)))

        #expect(redirect.error.code == .unsupportedResponseType)
        #expect((redirect.error.debugCause ?? "").utf8.count < 400)
    }

    @Test func unknownScopeIsRedirectedWithState() throws {
        let redirect = try #require(redirectError(validate(base + [("scope", "admin")])))

        #expect(redirect.error.code == .invalidScope)
        #expect(redirect.error.description == WireText.invalidScope)
        #expect(redirect.error.isRedirectable)
        #expect(redirect.state == "xyz")
    }

    @Test func errorWithoutStateHasNone() throws {
        let redirect = try #require(redirectError(validate([("client_id", "app_conf"), ("scope", "admin")])))

        #expect(redirect.state == nil)
    }

    @Test(arguments: ["scope", "response_type", "code_challenge"])
    func otherRepeatedParameterIsRedirected(name: String) throws {
        let redirect = try #require(redirectError(validate(base + [(name, "a"), (name, "b")])))

        #expect(redirect.error.code == .invalidRequest)
        #expect(redirect.error.description == WireText.invalidRequest)
        #expect(redirect.state == "xyz")
    }

    @Test func repeatedStateIsRedirectedWithoutState() throws {
        let redirect = try #require(redirectError(validate(base + [("state", "other")])))

        #expect(redirect.error.code == .invalidRequest)
        #expect(redirect.state == nil)
    }

    @Test func methodWithoutChallengeNamesChallenge() throws {
        let redirect = try #require(redirectError(validate(base + [("code_challenge_method", "S256")])))

        #expect(redirect.error.code == .invalidRequest)
        #expect(redirect.error.description == "Missing required parameter: code_challenge.")
    }

    @Test(arguments: ["S512", "s256", "none"])
    func unsupportedMethodIsInvalidRequest(method: String) throws {
        let parameters = base + [("code_challenge", Fixtures.challenge), ("code_challenge_method", method)]
        let redirect = try #require(redirectError(validate(parameters, allowPlainPKCE: true)))

        #expect(redirect.error.code == .invalidRequest)
        #expect(redirect.error.description == WireText.invalidRequest)
    }

    @Test func plainMethodIsRejectedUnlessAllowed() throws {
        let parameters = base + [("code_challenge", Fixtures.verifier), ("code_challenge_method", "plain")]
        let redirect = try #require(redirectError(validate(parameters)))

        #expect(redirect.error.code == .invalidRequest)
    }

    @Test func absentMethodMeansPlain() throws {
        let parameters = base + [("code_challenge", Fixtures.verifier)]

        #expect(redirectError(validate(parameters))?.error.code == .invalidRequest)
        #expect(validated(validate(parameters, allowPlainPKCE: true))?.codeChallengeMethod == .plain)
    }

    @Test(arguments: ["short", Fixtures.challenge + "A", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM"])
    func malformedS256ChallengeIsInvalidRequest(challenge: String) throws {
        let parameters = base + [("code_challenge", challenge), ("code_challenge_method", "S256")]
        let redirect = try #require(redirectError(validate(parameters)))

        #expect(redirect.error.code == .invalidRequest)
    }

    @Test(arguments: ["app_pub", "app_pkce"])
    func clientNeedingPKCEWithoutChallengeIsRedirected(clientID: String) throws {
        let redirect = try #require(redirectError(validate([("client_id", clientID), ("state", "xyz")])))

        #expect(redirect.error.code == .invalidRequest)
        #expect(redirect.error.description == "Missing required parameter: code_challenge.")
        #expect(redirect.state == "xyz")
    }

    @Test func responseTypeIsCheckedBeforeScope() throws {
        let parameters: Parameters = [("client_id", "app_conf"), ("response_type", "token"), ("scope", "admin")]
        let redirect = try #require(redirectError(validate(parameters)))

        #expect(redirect.error.code == .unsupportedResponseType)
    }
}

struct AuthorizeOrderingTests {
    @Test func scopeIsCheckedBeforeProofKey() throws {
        let parameters: Parameters = [("client_id", "app_pub"), ("scope", "admin")]
        let redirect = try #require(redirectError(validate(parameters)))

        #expect(redirect.error.code == .invalidScope)
    }

    @Test func duplicateIsCheckedBeforeResponseType() throws {
        let parameters: Parameters = [
            ("client_id", "app_conf"), ("response_type", "token"), ("scope", "a"), ("scope", "b"),
        ]
        let redirect = try #require(redirectError(validate(parameters)))

        #expect(redirect.error.code == .invalidRequest)
    }
}

struct AuthorizeProceedTests {
    @Test func fullRequestIsValidated() throws {
        let parameters: Parameters = [
            ("client_id", "app_pub"), ("redirect_uri", "HTTPS://app.example/callback"), ("response_type", "code"),
            ("scope", "user openid"), ("state", "a b&c"), ("code_challenge", Fixtures.challenge),
            ("code_challenge_method", "S256"), ("unknown", "1"), ("unknown", "2"),
        ]
        let authorization = try #require(validated(validate(parameters)))

        #expect(authorization.client == Fixtures.publicApp)
        #expect(authorization.redirectURI == Fixtures.callback)
        #expect(authorization.requestedRedirectURI == "HTTPS://app.example/callback")
        #expect(authorization.scope == (try Scope.parse("openid user")))
        #expect(authorization.state == "a b&c")
        #expect(authorization.codeChallenge == Fixtures.challenge)
        #expect(authorization.codeChallengeMethod == .s256)
    }

    @Test func minimalRequestUsesDefaults() throws {
        let authorization = try #require(validated(validate([("client_id", "app_conf")])))

        #expect(authorization.redirectURI == Fixtures.callback)
        #expect(authorization.requestedRedirectURI == nil)
        #expect(authorization.scope == .default)
        #expect(authorization.state == nil)
        #expect(authorization.codeChallenge == nil)
        #expect(authorization.codeChallengeMethod == nil)
    }

    @Test func emptyValuesCountAsAbsent() throws {
        let parameters: Parameters = [
            ("client_id", "app_conf"), ("redirect_uri", ""), ("response_type", ""), ("scope", ""), ("state", ""),
            ("code_challenge", ""), ("code_challenge_method", ""),
        ]
        let authorization = try #require(validated(validate(parameters)))

        #expect(authorization.state == nil)
        #expect(authorization.scope == .default)
    }

    @Test func secondRegisteredURIIsUsed() throws {
        let parameters: Parameters = [("client_id", "app_two"), ("redirect_uri", Fixtures.otherCallback)]

        #expect(validated(validate(parameters))?.redirectURI == Fixtures.otherCallback)
    }
}

struct AuthorizeLookupTests {
    private struct StorageFailure: Error, Equatable {}

    @Test func lookupRunsOnceWithTheClientID() {
        var lookups: [String] = []
        _ = AuthorizeRequest.validate(
            parameters: [("client_id", "app_conf")],
            lookupClient: { clientID in
                lookups.append(clientID)
                return Fixtures.lookup(clientID)
            }, allowPlainPKCE: false)

        #expect(lookups == ["app_conf"])
    }

    @Test func lookupIsSkippedWithoutClientID() {
        var lookups = 0
        _ = AuthorizeRequest.validate(
            parameters: [("client_id", "a"), ("client_id", "b")],
            lookupClient: { clientID in
                lookups += 1
                return nil
            }, allowPlainPKCE: false)

        #expect(lookups == 0)
    }

    @Test func lookupErrorPassesThrough() {
        #expect(throws: StorageFailure()) {
            try AuthorizeRequest.validate(
                parameters: [("client_id", "app_conf")],
                lookupClient: { (_: String) throws(StorageFailure) -> WebApp? in throw StorageFailure() },
                allowPlainPKCE: false)
        }
    }

    @Test func clientMustCarryTheRequestedID() {
        let request = AuthorizeRequest(parameters: [("client_id", "app_conf")])

        #expect(pageError(request.validate(client: Fixtures.publicApp, allowPlainPKCE: false))?.code == .invalidClient)
    }
}

struct AuthorizationResponseTests {
    @Test func codeRedirectKeepsRegisteredQuery() {
        let location = AuthorizationResponse.location(
            redirectURI: "https://app.example/cb?a=1", code: "abc", state: "x y")

        #expect(location == "https://app.example/cb?a=1&code=abc&state=x%20y")
    }

    @Test func launchRedirectCarriesOnlyCode() {
        let location = AuthorizationResponse.location(
            redirectURI: "https://your-site.xyz/callback/whop", code: "xxxxxxxx", state: nil)

        #expect(location == "https://your-site.xyz/callback/whop?code=xxxxxxxx")
    }

    @Test func errorRedirectCarriesCodeDescriptionAndState() throws {
        let location = AuthorizationResponse.location(
            redirectURI: "https://app.example/cb", error: OAuthError(.accessDenied), state: "s&1")
        let query = try #require(location.split(separator: "?", maxSplits: 1).last)
        let pairs = try #require(FormURLEncoding.decodePairs(String(query)))

        #expect(pairs.map(\.name) == ["error", "error_description", "state"])
        #expect(pairs[0].value == "access_denied")
        #expect(pairs[1].value == "The resource owner or authorization server denied the request.")
        #expect(pairs[2].value == "s&1")
    }

    @Test func errorPageCodesCannotBeRedirected() async {
        await #expect(processExitsWith: .failure) {
            _ = AuthorizationResponse.location(
                redirectURI: "https://app.example/cb", error: OAuthError(.invalidClient), state: nil)
        }
    }

    @Test func validatedAuthorizationBuildsBothLocations() throws {
        let parameters: Parameters = [("client_id", "app_conf"), ("state", "xyz")]
        let authorization = try #require(validated(validate(parameters)))

        #expect(authorization.location(code: "c1") == Fixtures.callback + "?code=c1&state=xyz")
        #expect(authorization.location(error: OAuthError(.accessDenied)).hasPrefix(
            Fixtures.callback + "?error=access_denied&error_description="))
    }
}
