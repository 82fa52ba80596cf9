import DoormanOAuth
import Testing

struct TokenIntrospectionTests {
    private let now: Int64 = 1_000
    private let user = User(id: "user_1", username: "ada", passwordHash: "")
    private let access = AccessToken(
        tokenHash: TokenHash.of("access-1"), clientID: "app_conf", userID: "user_1", scope: .default,
        grantID: "grant-1", createdAt: 900, expiresAt: 8_100)
    private let refresh = RefreshToken(
        tokenHash: TokenHash.of("refresh-1"), clientID: "app_conf", userID: "user_1", scope: .default,
        grantID: "grant-1", createdAt: 900, expiresAt: 90_000)

    private func fields(_ token: FoundToken?, user: User?, caller: WebApp = Fixtures.confidentialApp)
        -> [(name: String, value: FieldValue)]
    {
        TokenIntrospection.fields(for: token, user: user, caller: caller, at: now)
    }

    @Test func activeAccessTokenIsDescribedInOrder() {
        let result = fields(.access(access), user: user)

        #expect(result.map(\.name) == ["active", "scope", "client_id", "username", "sub", "token_type", "exp", "iat"])
        #expect(
            result.map(\.value) == [
                .boolean(true), .string("api"), .string("app_conf"), .string("ada"), .string("user_1"),
                .string("access_token"), .integer(8_100), .integer(900),
            ])
    }

    @Test func activeRefreshTokenNamesItsType() {
        let result = fields(.refresh(refresh), user: user)

        #expect(result.first?.value == .boolean(true))
        #expect(result.first { $0.name == "token_type" }?.value == .string("refresh_token"))
        #expect(result.first { $0.name == "exp" }?.value == .integer(90_000))
    }

    @Test func unknownTokenIsInactive() {
        #expect(fields(nil, user: nil).map(\.name) == ["active"])
        #expect(fields(nil, user: nil).map(\.value) == [.boolean(false)])
    }

    @Test func tokenOfAnotherClientIsInactive() {
        let result = fields(.access(access), user: user, caller: Fixtures.twoCallbackApp)

        #expect(result.map(\.value) == [.boolean(false)])
        #expect(result.count == 1)
    }

    @Test func revokedTokenIsInactive() {
        var revoked = access
        revoked.revokedAt = 950

        #expect(fields(.access(revoked), user: user).map(\.value) == [.boolean(false)])
    }

    @Test(arguments: [Int64(1_000), 999])
    func expiredTokenIsInactive(expiresAt: Int64) {
        var expired = access
        expired.expiresAt = expiresAt

        #expect(fields(.access(expired), user: user).map(\.value) == [.boolean(false)])
    }

    @Test func tokenWithoutItsUserIsInactive() {
        let stranger = User(id: "user_2", username: "sam", passwordHash: "")

        #expect(fields(.access(access), user: nil).map(\.value) == [.boolean(false)])
        #expect(fields(.access(access), user: stranger).map(\.value) == [.boolean(false)])
    }
}
