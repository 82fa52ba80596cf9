import DoormanOAuth
import DoormanStorage
import Testing

/// Authorization codes, access and refresh tokens, checked against every store in `StoreFactory.all`.
struct GrantConformanceTests {
    private let redeemedAt = Fixture.now + 5
    /// Stands in for a sealed successor: stores keep the bytes without reading them.
    private let sealed: [UInt8] = [1, 2, 3, 0, 255, 42]

    @Test(arguments: StoreFactory.all)
    func codeRoundTripWithEveryField(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = AuthorizationCode(
                codeHash: TokenHash.of("code-full"), clientID: fixture.webApp.clientID, userID: fixture.user.id,
                redirectURI: "https://one.example/callback?next=/ä", scope: try Scope.parse("openid user"),
                codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", codeChallengeMethod: .s256,
                createdAt: 100, expiresAt: 700)
            try store.saveAuthorizationCode(code)

            let loaded = try #require(try store.authorizationCode(hash: code.codeHash))
            #expect(loaded.codeHash == code.codeHash)
            #expect(loaded.clientID == code.clientID)
            #expect(loaded.userID == code.userID)
            #expect(loaded.redirectURI == code.redirectURI)
            #expect(loaded.scope == code.scope)
            #expect(loaded.codeChallenge == code.codeChallenge)
            #expect(loaded.codeChallengeMethod == .s256)
            #expect(loaded.createdAt == 100)
            #expect(loaded.expiresAt == 700)
            #expect(loaded.consumedAt == nil)
        }
    }

    @Test(arguments: StoreFactory.all, PKCE.Method.allCases)
    func codeChallengeMethodRoundTrips(factory: StoreFactory, method: PKCE.Method) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            var code = fixture.code("code-method")
            code.codeChallenge = String(repeating: "a", count: 43)
            code.codeChallengeMethod = method
            try store.saveAuthorizationCode(code)

            #expect(try store.authorizationCode(hash: code.codeHash)?.codeChallengeMethod == method)
        }
    }

    @Test(arguments: StoreFactory.all)
    func codeOptionalFieldsStayNil(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            var code = fixture.code("code-bare")
            code.redirectURI = nil
            try store.saveAuthorizationCode(code)

            let loaded = try #require(try store.authorizationCode(hash: code.codeHash))
            #expect(loaded.redirectURI == nil)
            #expect(loaded.codeChallenge == nil)
            #expect(loaded.codeChallengeMethod == nil)
            #expect(loaded == code)
        }
    }

    @Test(arguments: StoreFactory.all)
    func codeOfMissingClientIsRejected(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            var code = fixture.code("code-orphan")
            code.clientID = "app_nobody"

            let error = #expect(throws: StoreError.self) { try store.saveAuthorizationCode(code) }
            #expect(error?.isMissingReference == true)
            #expect(try store.authorizationCode(hash: code.codeHash) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func missingGrantRecordsAreNil(factory: StoreFactory) throws {
        try factory.withStore { store in
            try Fixture.insert(into: store)

            #expect(try store.authorizationCode(hash: TokenHash.of("none")) == nil)
            #expect(try store.accessToken(hash: TokenHash.of("none")) == nil)
            #expect(try store.refreshToken(hash: TokenHash.of("none")) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func redeemStoresTokensAndConsumesCode(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-redeem")
            try store.saveAuthorizationCode(code)
            var access = fixture.accessToken("access-1", grantID: code.codeHash)
            access.scope = try Scope.parse("read_user api")
            let refresh = fixture.refreshToken("refresh-1", grantID: code.codeHash)

            let result = try store.redeemAuthorizationCode(
                hash: code.codeHash, at: redeemedAt, access: access, refresh: refresh)

            #expect(result == .redeemed)
            #expect(try store.authorizationCode(hash: code.codeHash)?.consumedAt == redeemedAt)
            #expect(try store.accessToken(hash: access.tokenHash) == access)
            #expect(try store.refreshToken(hash: refresh.tokenHash) == refresh)
        }
    }

    @Test(arguments: StoreFactory.all)
    func accessTokenAndUserReadTogether(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-with-user")
            try store.saveAuthorizationCode(code)
            let access = fixture.accessToken("access-with-user", grantID: code.codeHash)
            _ = try store.redeemAuthorizationCode(hash: code.codeHash, at: redeemedAt, access: access, refresh: nil)

            let found = try #require(try store.accessTokenAndUser(hash: access.tokenHash))
            #expect(found.token == access)
            #expect(found.user == fixture.user)
            #expect(try store.accessTokenAndUser(hash: TokenHash.of("none")) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func redeemWithoutRefreshToken(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-access-only")
            try store.saveAuthorizationCode(code)
            let access = fixture.accessToken("access-only", grantID: code.codeHash)

            let result = try store.redeemAuthorizationCode(
                hash: code.codeHash, at: redeemedAt, access: access, refresh: nil)

            #expect(result == .redeemed)
            #expect(try store.accessToken(hash: access.tokenHash) == access)
            #expect(try store.revokeGrant(code.codeHash, at: redeemedAt) == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func redeemTwiceStoresNothingNew(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-twice")
            try store.saveAuthorizationCode(code)
            _ = try store.redeemAuthorizationCode(
                hash: code.codeHash, at: redeemedAt, access: fixture.accessToken("access-1", grantID: code.codeHash),
                refresh: fixture.refreshToken("refresh-1", grantID: code.codeHash))
            let replayAccess = fixture.accessToken("access-2", grantID: code.codeHash)
            let replayRefresh = fixture.refreshToken("refresh-2", grantID: code.codeHash)

            let result = try store.redeemAuthorizationCode(
                hash: code.codeHash, at: redeemedAt + 10, access: replayAccess, refresh: replayRefresh)

            #expect(result == .alreadyConsumed)
            #expect(try store.accessToken(hash: replayAccess.tokenHash) == nil)
            #expect(try store.refreshToken(hash: replayRefresh.tokenHash) == nil)
            #expect(try store.authorizationCode(hash: code.codeHash)?.consumedAt == redeemedAt)
        }
    }

    @Test(arguments: StoreFactory.all)
    func redeemUnknownCodeStoresNothing(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let hash = TokenHash.of("code-never-issued")
            let access = fixture.accessToken("access-unknown", grantID: hash)
            let refresh = fixture.refreshToken("refresh-unknown", grantID: hash)

            let result = try store.redeemAuthorizationCode(hash: hash, at: redeemedAt, access: access, refresh: refresh)

            #expect(result == .notFound)
            #expect(try store.accessToken(hash: access.tokenHash) == nil)
            #expect(try store.refreshToken(hash: refresh.tokenHash) == nil)
            #expect(try store.authorizationCode(hash: hash) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func failedRedeemLeavesCodeUnconsumed(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-rollback")
            try store.saveAuthorizationCode(code)
            var orphan = fixture.accessToken("access-orphan", grantID: code.codeHash)
            orphan.userID = "user_nobody"

            let error = #expect(throws: StoreError.self) {
                try store.redeemAuthorizationCode(hash: code.codeHash, at: redeemedAt, access: orphan, refresh: nil)
            }
            #expect(error != nil)
            #expect(try store.authorizationCode(hash: code.codeHash)?.consumedAt == nil)
            #expect(try store.accessToken(hash: orphan.tokenHash) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func failedRefreshInsertStoresNothing(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-refresh-rollback")
            try store.saveAuthorizationCode(code)
            let access = fixture.accessToken("access-kept-out", grantID: code.codeHash)
            var orphan = fixture.refreshToken("refresh-orphan", grantID: code.codeHash)
            orphan.userID = "user_nobody"

            let error = #expect(throws: StoreError.self) {
                try store.redeemAuthorizationCode(hash: code.codeHash, at: redeemedAt, access: access, refresh: orphan)
            }
            #expect(error != nil)
            #expect(try store.authorizationCode(hash: code.codeHash)?.consumedAt == nil)
            #expect(try store.accessToken(hash: access.tokenHash) == nil)
            #expect(try store.refreshToken(hash: orphan.tokenHash) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func rotateRevokesAndStoresSuccessors(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let old = try redeemed(store, fixture, code: "code-rotate", refresh: "refresh-old")
            let access = fixture.accessToken("access-new", grantID: old.grantID)
            let refresh = fixture.refreshToken("refresh-new", grantID: old.grantID)

            let result = try store.rotateRefreshToken(
                hash: old.tokenHash, at: redeemedAt + 60, access: access, refresh: refresh, sealedSuccessor: sealed)

            #expect(result == .rotated)
            let rotated = try #require(try store.refreshToken(hash: old.tokenHash))
            #expect(rotated.revokedAt == redeemedAt + 60)
            #expect(rotated.rotatedAt == redeemedAt + 60)
            #expect(rotated.sealedSuccessor == sealed)
            #expect(try store.accessToken(hash: access.tokenHash) == access)
            #expect(try store.refreshToken(hash: refresh.tokenHash) == refresh)
        }
    }

    @Test(arguments: StoreFactory.all)
    func rotateTwiceReturnsRevokedRecord(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let old = try redeemed(store, fixture, code: "code-rotate-twice", refresh: "refresh-old")
            _ = try store.rotateRefreshToken(
                hash: old.tokenHash, at: redeemedAt + 60, access: fixture.accessToken("access-2", grantID: old.grantID),
                refresh: fixture.refreshToken("refresh-2", grantID: old.grantID), sealedSuccessor: sealed)
            let replayAccess = fixture.accessToken("access-3", grantID: old.grantID)
            let replayRefresh = fixture.refreshToken("refresh-3", grantID: old.grantID)

            let result = try store.rotateRefreshToken(
                hash: old.tokenHash, at: redeemedAt + 120, access: replayAccess, refresh: replayRefresh,
                sealedSuccessor: [9, 9, 9])

            var revoked = old
            revoked.revokedAt = redeemedAt + 60
            revoked.rotatedAt = redeemedAt + 60
            revoked.sealedSuccessor = sealed
            #expect(result == .alreadyRevoked(revoked))
            #expect(try store.accessToken(hash: replayAccess.tokenHash) == nil)
            #expect(try store.refreshToken(hash: replayRefresh.tokenHash) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func rotateUnknownTokenStoresNothing(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let access = fixture.accessToken("access-x", grantID: "grant")
            let refresh = fixture.refreshToken("refresh-x", grantID: "grant")

            let result = try store.rotateRefreshToken(
                hash: TokenHash.of("refresh-never-issued"), at: redeemedAt, access: access, refresh: refresh,
                sealedSuccessor: sealed)

            #expect(result == .notFound)
            #expect(try store.accessToken(hash: access.tokenHash) == nil)
            #expect(try store.refreshToken(hash: refresh.tokenHash) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func revokeGrantRevokesEveryToken(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let first = try redeemed(store, fixture, code: "code-grant", refresh: "refresh-1")
            let grant = first.grantID
            _ = try store.rotateRefreshToken(
                hash: first.tokenHash, at: redeemedAt + 1, access: fixture.accessToken("access-2", grantID: grant),
                refresh: fixture.refreshToken("refresh-2", grantID: grant), sealedSuccessor: sealed)
            let other = try redeemed(store, fixture, code: "code-other", refresh: "refresh-other")

            // Two access tokens and refresh-2 are active. The rotation revoked refresh-1 already.
            #expect(try store.revokeGrant(grant, at: redeemedAt + 100) == 3)

            for token in ["access-code-grant", "access-2"] {
                #expect(try store.accessToken(hash: TokenHash.of(token))?.revokedAt == redeemedAt + 100)
            }
            #expect(try store.refreshToken(hash: TokenHash.of("refresh-2"))?.revokedAt == redeemedAt + 100)
            let rotated = try #require(try store.refreshToken(hash: TokenHash.of("refresh-1")))
            #expect(rotated.revokedAt == redeemedAt + 1)
            #expect(rotated.rotatedAt == redeemedAt + 1)
            #expect(rotated.sealedSuccessor == nil)
            #expect(try store.refreshToken(hash: other.tokenHash)?.revokedAt == nil)
            #expect(try store.accessToken(hash: TokenHash.of("access-code-other"))?.revokedAt == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func revokeGrantTwiceCountsZero(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let refresh = try redeemed(store, fixture, code: "code-twice", refresh: "refresh-1")

            #expect(try store.revokeGrant(refresh.grantID, at: redeemedAt + 1) == 2)
            #expect(try store.revokeGrant(refresh.grantID, at: redeemedAt + 2) == 0)
            #expect(try store.refreshToken(hash: refresh.tokenHash)?.revokedAt == redeemedAt + 1)
            #expect(try store.revokeGrant(TokenHash.of("no-such-grant"), at: redeemedAt) == 0)
        }
    }

    @Test(arguments: StoreFactory.all)
    func rotateAfterRevokeGrantIsReplay(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let refresh = try redeemed(store, fixture, code: "code-revoked", refresh: "refresh-1")
            _ = try store.revokeGrant(refresh.grantID, at: redeemedAt + 1)

            let result = try store.rotateRefreshToken(
                hash: refresh.tokenHash, at: redeemedAt + 2,
                access: fixture.accessToken("access-2", grantID: refresh.grantID),
                refresh: fixture.refreshToken("refresh-2", grantID: refresh.grantID), sealedSuccessor: sealed)

            var revoked = refresh
            revoked.revokedAt = redeemedAt + 1
            #expect(result == .alreadyRevoked(revoked))
            #expect(try store.accessToken(hash: TokenHash.of("access-2")) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func revokeAccessTokenRevokesOnlyIt(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let refresh = try redeemed(store, fixture, code: "code-single", refresh: "refresh-single")
            let other = try redeemed(store, fixture, code: "code-kept", refresh: "refresh-kept")
            let hash = TokenHash.of("access-code-single")

            #expect(try store.revokeAccessToken(hash: hash, at: redeemedAt + 10))
            #expect(try store.accessToken(hash: hash)?.revokedAt == redeemedAt + 10)
            #expect(try store.refreshToken(hash: refresh.tokenHash)?.revokedAt == nil)
            #expect(try store.accessToken(hash: TokenHash.of("access-code-kept"))?.revokedAt == nil)
            #expect(try store.refreshToken(hash: other.tokenHash)?.revokedAt == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func revokeAccessTokenTwiceKeepsFirstTime(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            _ = try redeemed(store, fixture, code: "code-again", refresh: "refresh-again")
            let hash = TokenHash.of("access-code-again")

            #expect(try store.revokeAccessToken(hash: hash, at: redeemedAt + 1))
            #expect(try store.revokeAccessToken(hash: hash, at: redeemedAt + 2) == false)
            #expect(try store.accessToken(hash: hash)?.revokedAt == redeemedAt + 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func revokeAccessTokenOfUnknownHash(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let refresh = try redeemed(store, fixture, code: "code-present", refresh: "refresh-present")

            #expect(try store.revokeAccessToken(hash: TokenHash.of("no-such-token"), at: redeemedAt) == false)
            // A refresh token's hash is not an access token's, so it is not found either.
            #expect(try store.revokeAccessToken(hash: refresh.tokenHash, at: redeemedAt) == false)
            #expect(try store.refreshToken(hash: refresh.tokenHash)?.revokedAt == nil)
        }
    }

    /// Saves and redeems code `code`, issuing `access-<code>` and the refresh token `refresh`, and returns it.
    private func redeemed(_ store: any DoormanStore, _ fixture: Fixture, code: String, refresh: String) throws
        -> RefreshToken
    {
        let record = fixture.code(code)
        try store.saveAuthorizationCode(record)
        let token = fixture.refreshToken(refresh, grantID: record.codeHash)
        let result = try store.redeemAuthorizationCode(
            hash: record.codeHash, at: redeemedAt,
            access: fixture.accessToken("access-\(code)", grantID: record.codeHash),
            refresh: token)
        try #require(result == .redeemed)
        return token
    }
}
