import DoormanOAuth
import Testing

private let issuedAt: Int64 = 1_764_892_800

private func refreshToken(
    client: WebApp = Fixtures.confidentialApp, scope: String = "openid user", revokedAt: Int64? = nil
) throws -> RefreshToken {
    RefreshToken(
        tokenHash: TokenHash.of("the-refresh-token"), clientID: client.clientID, userID: "user_1",
        scope: try Scope.parse(scope), grantID: "grant", createdAt: issuedAt, expiresAt: issuedAt + 86_400,
        revokedAt: revokedAt)
}

private func refresh(
    _ token: RefreshToken?, client: WebApp = Fixtures.confidentialApp, scope: String? = nil,
    now: Int64 = issuedAt + 10
) throws -> Scope {
    let requested = try scope.map { try Scope.parse($0) }
    let grant = TokenRequest.RefreshTokenGrant(refreshToken: "the-refresh-token", scope: requested)
    return try RefreshRedemption.check(token: token, client: client, grant: grant, now: now)
}

struct RefreshRedemptionTests {
    @Test func absentScopeKeepsTheGrant() throws {
        #expect(try refresh(refreshToken()) == Scope.parse("openid user"))
    }

    @Test func narrowerScopeIsGranted() throws {
        #expect(try refresh(refreshToken(), scope: "user") == Scope.parse("user"))
    }

    @Test func widerScopeIsInvalidScope() throws {
        let token = try refreshToken()
        let error = oauthError { try refresh(token, scope: "openid user api") }

        #expect(error?.code == .invalidScope)
        #expect(error?.description == WireText.invalidScope)
    }

    @Test func unknownTokenIsInvalidGrant() {
        let error = oauthError { try refresh(nil) }

        #expect(error?.code == .invalidGrant)
        #expect(error?.description == WireText.invalidGrant)
    }

    @Test func tokenOfAnotherClientIsInvalidGrant() throws {
        let token = try refreshToken(client: Fixtures.twoCallbackApp)
        let error = oauthError { try refresh(token) }

        #expect(error?.code == .invalidGrant)
    }

    @Test func revokedTokenIsInvalidGrant() throws {
        let token = try refreshToken(revokedAt: issuedAt + 1)
        let error = oauthError { try refresh(token) }

        #expect(error?.code == .invalidGrant)
    }

    @Test(arguments: [(issuedAt + 86_399, true), (issuedAt + 86_400, false)])
    func tokenExpires(now: Int64, passes: Bool) throws {
        let token = try refreshToken()
        let error = oauthError { try refresh(token, now: now) }

        #expect((error == nil) == passes)
        if !passes {
            #expect(error?.code == .invalidGrant)
        }
    }
}
