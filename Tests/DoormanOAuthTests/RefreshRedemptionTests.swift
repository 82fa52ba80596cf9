import DoormanOAuth
import Testing

private let issuedAt: Int64 = 1_764_892_800
private let grace: Int64 = 5
private let sealed: [UInt8] = [7, 7, 7]

private func refreshToken(
    client: WebApp = Fixtures.confidentialApp, scope: String = "openid user", revokedAt: Int64? = nil,
    rotatedAt: Int64? = nil, sealedSuccessor: [UInt8]? = nil
) throws -> RefreshToken {
    RefreshToken(
        tokenHash: TokenHash.of("the-refresh-token"), clientID: client.clientID, userID: "user_1",
        scope: try Scope.parse(scope), grantID: "grant", createdAt: issuedAt, expiresAt: issuedAt + 86_400,
        revokedAt: revokedAt, rotatedAt: rotatedAt, sealedSuccessor: sealedSuccessor)
}

/// Returns a token rotated at `issuedAt + 100` with its successor still sealed in its row.
private func rotatedToken() throws -> RefreshToken {
    try refreshToken(revokedAt: issuedAt + 100, rotatedAt: issuedAt + 100, sealedSuccessor: sealed)
}

private func refresh(
    _ token: RefreshToken?, client: WebApp = Fixtures.confidentialApp, scope: String? = nil,
    now: Int64 = issuedAt + 10, graceSeconds: Int64 = grace
) throws -> RefreshRedemption.Decision {
    let requested = try scope.map { try Scope.parse($0) }
    let grant = TokenRequest.RefreshTokenGrant(refreshToken: "the-refresh-token", scope: requested)
    return try RefreshRedemption.check(token: token, client: client, grant: grant, now: now, graceSeconds: graceSeconds)
}

struct RefreshRedemptionTests {
    @Test func absentScopeKeepsTheGrant() throws {
        #expect(try refresh(refreshToken()) == .rotate(Scope.parse("openid user")))
    }

    @Test func narrowerScopeIsGranted() throws {
        #expect(try refresh(refreshToken(), scope: "user") == .rotate(Scope.parse("user")))
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

    @Test func rotatedTokenOfAnotherClientIsNotAReplay() throws {
        var token = try rotatedToken()
        token.clientID = Fixtures.twoCallbackApp.clientID
        let error = oauthError { try refresh(token, now: issuedAt + 200) }

        #expect(error?.code == .invalidGrant)
    }

    @Test func revokedTokenIsReplay() throws {
        #expect(try refresh(refreshToken(revokedAt: issuedAt + 1)) == .replay)
    }

    @Test func expiredRevokedTokenIsStillReplay() throws {
        #expect(try refresh(refreshToken(revokedAt: issuedAt + 1), now: issuedAt + 90_000) == .replay)
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

/// The grace window after a rotation (RFC 9700 section 4.14.2): a retry receives the same successor.
struct RefreshGraceWindowTests {
    @Test(arguments: [issuedAt + 100, issuedAt + 104, issuedAt + 99])
    func withinWindowResendsSuccessor(now: Int64) throws {
        #expect(try refresh(rotatedToken(), now: now) == .resend(sealedSuccessor: sealed))
    }

    @Test(arguments: [issuedAt + 105, issuedAt + 3_600])
    func afterWindowIsReplay(now: Int64) throws {
        #expect(try refresh(rotatedToken(), now: now) == .replay)
    }

    @Test func zeroGraceTurnsWindowOff() throws {
        #expect(try refresh(rotatedToken(), now: issuedAt + 100, graceSeconds: 0) == .replay)
    }

    @Test func erasedSuccessorIsReplay() throws {
        var token = try rotatedToken()
        token.sealedSuccessor = nil

        #expect(try refresh(token, now: issuedAt + 101) == .replay)
    }

    @Test func revokedWithoutRotationIsReplay() throws {
        var token = try rotatedToken()
        token.rotatedAt = nil

        #expect(try refresh(token, now: issuedAt + 101) == .replay)
    }

    @Test func widerScopeWithinWindowIsInvalidScope() throws {
        let token = try rotatedToken()
        let error = oauthError { try refresh(token, scope: "openid user api", now: issuedAt + 101) }

        #expect(error?.code == .invalidScope)
    }

    @Test func narrowerScopeWithinWindowResends() throws {
        #expect(try refresh(rotatedToken(), scope: "user", now: issuedAt + 101) == .resend(sealedSuccessor: sealed))
    }
}
