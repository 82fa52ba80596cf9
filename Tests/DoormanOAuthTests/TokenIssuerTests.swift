import DoormanCrypto
import DoormanOAuth
import Testing

private let now: Int64 = 1_764_892_800

struct TokenResponseTests {
    @Test func fieldsComeInWireOrder() throws {
        let response = TokenResponse(
            accessToken: "at", expiresIn: 7200, refreshToken: "rt", scope: .default, createdAt: now)

        #expect(response.fields.map(\.name) == [
            "access_token", "token_type", "expires_in", "refresh_token", "scope", "created_at",
        ])
        #expect(response.fields.map(\.value) == [
            .string("at"), .string("Bearer"), .integer(7200), .string("rt"), .string("api"), .integer(now),
        ])
    }

    @Test func absentRefreshTokenIsLeftOut() {
        let response = TokenResponse(accessToken: "at", expiresIn: 60, refreshToken: nil, scope: .default, createdAt: 0)

        #expect(!response.fields.map(\.name).contains("refresh_token"))
    }

    @Test func scopeIsCanonical() throws {
        let response = TokenResponse(
            accessToken: "at", expiresIn: 60, refreshToken: nil, scope: try Scope.parse("user openid"), createdAt: 0)

        #expect(response.fields.first { $0.name == "scope" }?.value == .string("openid user"))
    }

    @Test func headersForbidCaching() {
        let headers = Dictionary(uniqueKeysWithValues: TokenResponse.headers.map { ($0.name, $0.value) })

        #expect(headers["Cache-Control"] == "no-store")
        #expect(headers["Pragma"] == "no-cache")
        #expect(headers["Content-Type"] == "application/json; charset=utf-8")
    }
}

struct TokenIssuerTests {
    private let issuer = TokenIssuer()

    @Test func codeRecordsTheAuthorization() throws {
        let parameters: Parameters = [
            ("client_id", "app_pub"), ("redirect_uri", Fixtures.callback), ("scope", "read_user"),
            ("code_challenge", Fixtures.challenge), ("code_challenge_method", "S256"),
        ]
        guard case .proceed(let authorization) = AuthorizeRequest.validate(
            parameters: parameters, lookupClient: Fixtures.lookup, allowPlainPKCE: false)
        else {
            Issue.record("authorization request was not valid")
            return
        }

        let issued = issuer.issueCode(for: authorization, userID: "user_1", at: now)

        #expect(issued.record.codeHash == TokenHash.of(issued.code))
        #expect(issued.record.clientID == "app_pub")
        #expect(issued.record.userID == "user_1")
        #expect(issued.record.redirectURI == Fixtures.callback)
        #expect(issued.record.scope == (try Scope.parse("read_user")))
        #expect(issued.record.codeChallenge == Fixtures.challenge)
        #expect(issued.record.codeChallengeMethod == .s256)
        #expect(issued.record.createdAt == now)
        #expect(issued.record.expiresAt == now + 600)
        #expect(issued.record.consumedAt == nil)
    }

    @Test func codesHave256BitsAndDiffer() {
        let codes = (0..<50).map { _ in
            issuer.issueLaunchCode(for: Fixtures.confidentialApp, userID: "u", at: now).code
        }

        #expect(Set(codes).count == 50)
        #expect(codes.allSatisfy { $0.utf8.count == OrderedToken.length })
        #expect(codes.allSatisfy { Base64URL.decode(String($0.dropFirst(OrderedToken.timeDigits)))?.count == 32 })
    }

    @Test func launchCodeRedeemsWithoutRedirectOrVerifier() throws {
        let issued = issuer.issueLaunchCode(for: Fixtures.confidentialApp, userID: "user_1", at: now)
        let grant = TokenRequest.AuthorizationCodeGrant(code: issued.code)

        #expect(issued.record.redirectURI == nil)
        #expect(issued.record.scope == .default)
        try CodeRedemption.check(code: issued.record, client: Fixtures.confidentialApp, grant: grant, now: now + 1)
    }

    @Test func launchCodeCannotServeAPublicClient() {
        let issued = issuer.issueLaunchCode(for: Fixtures.publicApp, userID: "user_1", at: now)
        let grant = TokenRequest.AuthorizationCodeGrant(code: issued.code)
        let error = oauthError {
            try CodeRedemption.check(code: issued.record, client: Fixtures.publicApp, grant: grant, now: now + 1)
        }

        #expect(error?.code == .invalidGrant)
    }

    @Test func tokensShareGrantAndLifetimes() throws {
        let scope = try Scope.parse("openid user")
        let issued = issuer.issueTokens(clientID: "app_1", userID: "user_1", scope: scope, grantID: "g1", at: now)

        #expect(issued.accessToken.tokenHash == TokenHash.of(issued.response.accessToken))
        #expect(issued.refreshToken.tokenHash == TokenHash.of(try #require(issued.response.refreshToken)))
        #expect(issued.accessToken.grantID == "g1")
        #expect(issued.refreshToken.grantID == "g1")
        #expect(issued.accessToken.expiresAt == now + 7200)
        #expect(issued.refreshToken.expiresAt == now + 30 * 86_400)
        #expect(issued.response.expiresIn == 7200)
        #expect(issued.response.createdAt == now)
        #expect(issued.response.scope == scope)
        #expect(issued.response.accessToken != issued.response.refreshToken)
    }

    @Test func customLifetimesApply() throws {
        let lifetimes = try #require(Lifetimes(authorizationCode: 60, accessToken: 300, refreshToken: 900))
        let issuer = TokenIssuer(lifetimes: lifetimes)

        let code = issuer.issueLaunchCode(for: Fixtures.confidentialApp, userID: "u", at: now)
        let tokens = issuer.issueTokens(clientID: "app_1", userID: "u", scope: .default, grantID: "g", at: now)

        #expect(code.record.expiresAt == now + 60)
        #expect(tokens.accessToken.expiresAt == now + 300)
        #expect(tokens.refreshToken.expiresAt == now + 900)
        #expect(tokens.response.expiresIn == 300)
    }

    @Test func injectedRandomSourceAndClockMakeValuesDeterministic() {
        let issuer = TokenIssuer(random: FixedRandomSource(byte: 0xFF), microseconds: { 0xABC })

        let code = issuer.issueLaunchCode(for: Fixtures.confidentialApp, userID: "u", at: now).code

        #expect(code == "00000000000abc" + String(repeating: "_", count: 42) + "8")
    }

    @Test func clientSecretAuthenticates() throws {
        let (secret, hash) = issuer.makeClientSecret()
        var app = Fixtures.confidentialApp
        app.clientSecretHash = hash

        #expect(secret.utf8.count == 43)
        #expect(try ClientAuthentication.verify(client: app, secret: secret) == app)
    }
}
