import DoormanCrypto
import DoormanOAuth
import Testing

struct TokenHashTests {
    @Test func hashIsLowercaseHexSHA256() {
        // SHA-256("abc") from FIPS 180-4.
        #expect(TokenHash.of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func matchesOnlyTheHashedToken() {
        let token = SecureRandom.token()
        let hash = TokenHash.of(token)

        #expect(TokenHash.matches(token, hash: hash))
        #expect(!TokenHash.matches(token + "x", hash: hash))
        #expect(!TokenHash.matches(token, hash: hash.uppercased()))
    }
}

struct LifetimesTests {
    @Test func standardValues() {
        #expect(Lifetimes.standard.authorizationCode == 600)
        #expect(Lifetimes.standard.accessToken == 7200)
        #expect(Lifetimes.standard.refreshToken == 2_592_000)
    }

    @Test(arguments: [(0, 1, 1), (1, 0, 1), (1, 1, 0), (-5, 7200, 86_400)] as [(Int64, Int64, Int64)])
    func nonPositiveLifetimeIsRejected(code: Int64, access: Int64, refresh: Int64) {
        #expect(Lifetimes(authorizationCode: code, accessToken: access, refreshToken: refresh) == nil)
    }

    @Test func customValuesAreKept() {
        let lifetimes = Lifetimes(authorizationCode: 300, accessToken: 60, refreshToken: 3600)

        #expect(lifetimes?.authorizationCode == 300)
        #expect(lifetimes?.accessToken == 60)
        #expect(lifetimes?.refreshToken == 3600)
    }
}

struct TokenRecordTests {
    private let scope = Scope.default

    @Test func codeExpiresAtItsExpiryInstant() {
        let code = AuthorizationCode(
            codeHash: "h", clientID: "app_1", userID: "user_1", redirectURI: nil, scope: scope,
            createdAt: 1000, expiresAt: 1600)

        #expect(!code.isExpired(at: 1599))
        #expect(code.isExpired(at: 1600))
        #expect(!code.isConsumed)
    }

    @Test func accessTokenActivity() {
        var token = AccessToken(
            tokenHash: "h", clientID: "app_1", userID: "user_1", scope: scope, grantID: "g",
            createdAt: 1000, expiresAt: 8200)

        #expect(token.isActive(at: 8199))
        #expect(!token.isActive(at: 8200))
        #expect(token.secondsRemaining(at: 1000) == 7200)
        #expect(token.secondsRemaining(at: 9000) == 0)

        token.revokedAt = 2000
        #expect(!token.isActive(at: 2001))
    }

    @Test func refreshTokenActivity() {
        var token = RefreshToken(
            tokenHash: "h", clientID: "app_1", userID: "user_1", scope: scope, grantID: "g",
            createdAt: 1000, expiresAt: 2000)

        #expect(token.isActive(at: 1999))
        #expect(!token.isActive(at: 2000))

        token.revokedAt = 1500
        #expect(!token.isActive(at: 1501))
    }
}
