import DoormanOAuth
import Testing

private func parse(
    _ parameters: Parameters, basic: (id: String, secret: String)? = nil, query: [String] = []
) throws -> TokenReferenceRequest {
    try TokenReferenceRequest.parse(parameters: parameters, basicCredentials: basic, queryParameterNames: query)
}

private func parseError(
    _ parameters: Parameters, basic: (id: String, secret: String)? = nil, query: [String] = []
) -> OAuthError? {
    oauthError { try parse(parameters, basic: basic, query: query) }
}

struct TokenReferenceRequestTests {
    @Test func bodyCredentialsAndToken() throws {
        let request = try parse([("token", "t1"), ("client_id", "app_1"), ("client_secret", "s1")])

        #expect(request.token == "t1")
        #expect(request.tokenTypeHint == nil)
        #expect(request.credentials.clientID == "app_1")
        #expect(request.credentials.clientSecret == "s1")
        #expect(request.credentials.authenticationMethod == .clientSecretPost)
    }

    @Test func publicClientSendsOnlyItsID() throws {
        let request = try parse([("token", "t1"), ("client_id", "app_pub")])

        #expect(request.credentials.authenticationMethod == ClientAuthenticationMethod.none)
        #expect(request.credentials.clientSecret == nil)
    }

    @Test(arguments: [
        ("app_1", "a%2Bb+c", "app_1", "a+b c"),
        ("app%3A1", "s1", "app:1", "s1"),
        ("app_1", "%C3%A9t%C3%A9", "app_1", "été"),
        ("app_1", "p%3Aw%25", "app_1", "p:w%"),
    ])
    func basicCredentialsAreFormDecoded(id: String, secret: String, expectedID: String, expectedSecret: String) throws {
        let request = try parse([("token", "t1")], basic: (id: id, secret: secret))

        #expect(request.credentials.clientID == expectedID)
        #expect(request.credentials.clientSecret == expectedSecret)
        #expect(request.credentials.authenticationMethod == .clientSecretBasic)
    }

    @Test(arguments: [[], [("token", "")], [("token_type_hint", "access_token")]] as [Parameters])
    func missingTokenIsNamed(extra: Parameters) {
        let error = parseError(extra + [("client_id", "app_1"), ("client_secret", "s1")])

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == "Missing required parameter: token.")
    }

    @Test(arguments: ["token", "token_type_hint", "client_id", "client_secret"])
    func repeatedParameterIsInvalidRequest(name: String) {
        var parameters: Parameters = [
            ("token", "t1"), ("token_type_hint", "access_token"), ("client_id", "app_1"), ("client_secret", "s1"),
        ]
        parameters.append((name, "again"))

        let error = parseError(parameters)

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == WireText.invalidRequest)
    }

    @Test func basicAndBodySecretIsInvalidRequest() {
        let error = parseError([("token", "t1"), ("client_secret", "s1")], basic: (id: "app_1", secret: "s1"))

        #expect(error?.code == .invalidRequest)
    }

    @Test func basicAndDifferentBodyClientIDIsInvalidRequest() {
        let error = parseError([("token", "t1"), ("client_id", "app_2")], basic: (id: "app_1", secret: "s1"))

        #expect(error?.code == .invalidRequest)
    }

    @Test(arguments: [("", "s1"), ("%zz", "s1"), ("app_1", "%")])
    func malformedBasicIsInvalidClient(id: String, secret: String) {
        let error = parseError([("token", "t1")], basic: (id: id, secret: secret))

        #expect(error?.code == .invalidClient)
        #expect(error?.status == 401)
    }

    @Test(arguments: ["client_id", "client_secret"])
    func credentialsInQueryAreInvalidRequest(name: String) {
        let error = parseError([("token", "t1"), ("client_id", "app_1")], query: [name])

        #expect(error?.code == .invalidRequest)
    }

    @Test func noClientIsInvalidClient() {
        let error = parseError([("token", "t1")])

        #expect(error?.code == .invalidClient)
    }

    @Test func unknownParametersAreIgnored() throws {
        let request = try parse([("token", "t1"), ("client_id", "app_1"), ("resource", "x"), ("resource", "y")])

        #expect(request.token == "t1")
    }

    @Test(arguments: [
        ("access_token", TokenTypeHint.accessToken as TokenTypeHint?),
        ("refresh_token", .refreshToken),
        ("id_token", nil),
        ("REFRESH_TOKEN", nil),
        ("", nil),
    ])
    func hintIsReadOrIgnored(value: String, expected: TokenTypeHint?) throws {
        let request = try parse([("token", "t1"), ("token_type_hint", value), ("client_id", "app_1")])

        #expect(request.tokenTypeHint == expected)
    }

    @Test(arguments: [
        (TokenTypeHint.refreshToken as TokenTypeHint?, [TokenTypeHint.refreshToken, .accessToken]),
        (.accessToken, [.accessToken, .refreshToken]),
        (nil, [.accessToken, .refreshToken]),
    ])
    func searchCoversBothTypesHintFirst(hint: TokenTypeHint?, expected: [TokenTypeHint]) {
        #expect(TokenTypeHint.searchOrder(hint: hint) == expected)
    }
}

struct FoundTokenTests {
    private let access = AccessToken(
        tokenHash: TokenHash.of("access-1"), clientID: "app_conf", userID: "user_1", scope: .default,
        grantID: "grant-1", createdAt: 100, expiresAt: 7300)
    private let refresh = RefreshToken(
        tokenHash: TokenHash.of("refresh-1"), clientID: "app_conf", userID: "user_1", scope: .default,
        grantID: "grant-1", createdAt: 100, expiresAt: 9000)

    private func find(_ token: String, order: [TokenTypeHint]) -> FoundToken? {
        FoundToken.find(
            token, order: order,
            accessToken: { hash in hash == access.tokenHash ? access : nil },
            refreshToken: { hash in hash == refresh.tokenHash ? refresh : nil })
    }

    @Test(arguments: [[TokenTypeHint.accessToken, .refreshToken], [.refreshToken, .accessToken]])
    func accessTokenIsFoundWhateverTheOrder(order: [TokenTypeHint]) {
        #expect(find("access-1", order: order) == .access(access))
    }

    @Test(arguments: [[TokenTypeHint.accessToken, .refreshToken], [.refreshToken, .accessToken]])
    func refreshTokenIsFoundWhateverTheOrder(order: [TokenTypeHint]) {
        #expect(find("refresh-1", order: order) == .refresh(refresh))
    }

    @Test func unknownTokenIsNil() {
        #expect(find("other", order: [.accessToken, .refreshToken]) == nil)
    }

    @Test func searchStopsAtFirstFind() {
        var looked: [String] = []
        _ = FoundToken.find(
            "access-1", order: [.accessToken, .refreshToken],
            accessToken: { hash in
                looked.append("access")
                return hash == access.tokenHash ? access : nil
            },
            refreshToken: { _ in
                looked.append("refresh")
                return nil
            })

        #expect(looked == ["access"])
    }
}
