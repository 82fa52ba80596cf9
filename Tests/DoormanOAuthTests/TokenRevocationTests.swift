import DoormanOAuth
import Testing

struct TokenRevocationTests {
    private let access = AccessToken(
        tokenHash: TokenHash.of("access-1"), clientID: "app_conf", userID: "user_1", scope: .default,
        grantID: "grant-1", createdAt: 100, expiresAt: 7300)
    private let refresh = RefreshToken(
        tokenHash: TokenHash.of("refresh-1"), clientID: "app_conf", userID: "user_1", scope: .default,
        grantID: "grant-1", createdAt: 100, expiresAt: 9000)

    @Test func accessTokenIsRevokedAlone() {
        let action = TokenRevocation.action(for: .access(access), client: Fixtures.confidentialApp)

        #expect(action == .revokeAccessToken(hash: access.tokenHash))
    }

    @Test func refreshTokenRevokesItsGrant() {
        let action = TokenRevocation.action(for: .refresh(refresh), client: Fixtures.confidentialApp)

        #expect(action == .revokeGrant(grantID: "grant-1"))
    }

    @Test func revokedRefreshTokenStillRevokesItsGrant() {
        var rotated = refresh
        rotated.revokedAt = 200

        let action = TokenRevocation.action(for: .refresh(rotated), client: Fixtures.confidentialApp)

        #expect(action == .revokeGrant(grantID: "grant-1"))
    }

    @Test func unknownTokenIsIgnored() {
        #expect(TokenRevocation.action(for: nil, client: Fixtures.confidentialApp) == .ignoreUnknown)
    }

    @Test func tokenOfAnotherClientIsIgnored() {
        let action = TokenRevocation.action(for: .access(access), client: Fixtures.publicApp)

        #expect(action == .ignoreForeign(ownerClientID: "app_conf"))
    }

    @Test func clientIDsCompareByBytes() {
        // Swift's String equality treats the precomposed and the decomposed "é" as equal; ownership must not.
        var client = Fixtures.confidentialApp
        client.clientID = "app_caf\u{E9}"
        var token = access
        token.clientID = "app_cafe\u{301}"

        let action = TokenRevocation.action(for: .access(token), client: client)

        #expect(action == .ignoreForeign(ownerClientID: "app_cafe\u{301}"))
    }
}
