import DoormanCrypto
import DoormanOAuth
import Testing

struct RefreshSuccessorTests {
    private let presented = "presented-refresh-token-value-with-enough-entropy"
    private let response = TokenResponse(
        accessToken: "successor-access-token", expiresIn: 7_200, refreshToken: "successor-refresh-token",
        scope: .default, createdAt: 1_764_892_800)

    private var successor: RefreshSuccessor {
        get throws { try #require(RefreshSuccessor(response: response)) }
    }

    @Test func sealThenOpenReturnsSameTokens() throws {
        let sealed = try successor.seal(under: presented)

        let opened = try #require(RefreshSuccessor.open(sealed, presentedToken: presented))
        #expect(opened.response.accessToken == "successor-access-token")
        #expect(opened.response.refreshToken == "successor-refresh-token")
        #expect(opened.response.scope == .default)
        #expect(opened.response.createdAt == 1_764_892_800)
        #expect(opened.response.expiresIn == 7_200)
    }

    @Test func narrowedScopeSurvives() throws {
        let narrowed = TokenResponse(
            accessToken: "a", expiresIn: 60, refreshToken: "r", scope: try Scope.parse("openid user"), createdAt: 1)
        let sealed = try #require(RefreshSuccessor(response: narrowed)).seal(under: presented)

        #expect(RefreshSuccessor.open(sealed, presentedToken: presented)?.response.scope == narrowed.scope)
    }

    @Test func otherTokenCannotOpen() throws {
        let sealed = try successor.seal(under: presented)

        #expect(RefreshSuccessor.open(sealed, presentedToken: presented + "x") == nil)
        #expect(RefreshSuccessor.open(sealed, presentedToken: TokenHash.of(presented)) == nil)
    }

    @Test func sealedBytesHideTokenValues() throws {
        let sealed = try successor.seal(under: presented)
        let text = String(decoding: sealed, as: UTF8.self)

        #expect(!text.contains("successor-access-token"))
        #expect(!text.contains("successor-refresh-token"))
    }

    @Test func keyDiffersFromStoredHash() throws {
        let key = try successor.sealKeyForTesting(presented)

        #expect(Hex.encode(key) != TokenHash.of(presented))
        #expect(key.count == SecretBox.keyByteCount)
    }

    @Test func responseWithoutRefreshTokenIsNotASuccessor() {
        let accessOnly = TokenResponse(
            accessToken: "a", expiresIn: 60, refreshToken: nil, scope: .default, createdAt: 1)

        #expect(RefreshSuccessor(response: accessOnly) == nil)
    }

    @Test(arguments: [(Int64(1_764_892_800), Int64(7_200)), (1_764_892_803, 7_197), (1_764_900_000, 0)])
    func resentResponseCountsRemainingSeconds(now: Int64, expiresIn: Int64) throws {
        let resent = try successor.response(at: now)

        #expect(resent.expiresIn == expiresIn)
        #expect(resent.createdAt == 1_764_892_800)
        #expect(resent.accessToken == "successor-access-token")
    }
}

extension RefreshSuccessor {
    /// Returns the sealing key for `token`, recomputed from the documented derivation because the real one is
    /// internal, after checking that it opens a box sealed under `token`.
    fileprivate func sealKeyForTesting(_ token: String) throws -> [UInt8] {
        let key = SHA256.hash(Array("doorman refresh token successor v1".utf8) + [0] + Array(token.utf8))
        let sealed = seal(under: token)
        try #require(SecretBox.open(sealed, key: key) != nil)
        return key
    }
}
