import DoormanOAuth
import DoormanStorage
import Testing

/// `deleteExpiredRecords`, checked against every store in `StoreFactory.all`.
///
/// Records are made at `Fixture.now`, and the cleanup runs at `cleanupAt` with a retention of 100 seconds. So a
/// record that stopped working at or before `cutoff` goes, and any other stays.
struct CleanupConformanceTests {
    private let cleanupAt = Fixture.now + 10_000
    private var cutoff: Int64 { cleanupAt - 100 }
    private let policy = CleanupPolicy(retentionSeconds: 100, batchSize: 500)

    @Test(arguments: StoreFactory.all)
    func codesGoAfterExpiryAndRetention(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let old = fixture.code("code-old", expiresIn: 600)
            var boundary = fixture.code("code-boundary")
            boundary.expiresAt = cutoff
            var recent = fixture.code("code-recent")
            recent.expiresAt = cutoff + 1
            var consumed = fixture.code("code-consumed", expiresIn: 20_000)
            consumed.consumedAt = Fixture.now + 1
            for code in [old, boundary, recent, consumed] {
                try store.saveAuthorizationCode(code)
            }

            let counts = try store.deleteExpiredRecords(at: cleanupAt, policy: policy)

            #expect(counts.authorizationCodes == 2)
            #expect(try store.authorizationCode(hash: old.codeHash) == nil)
            #expect(try store.authorizationCode(hash: boundary.codeHash) == nil)
            #expect(try store.authorizationCode(hash: recent.codeHash) != nil)
            #expect(try store.authorizationCode(hash: consumed.codeHash) != nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func accessTokensGoAfterExpiryOrRevocation(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = try redeem(store, fixture, "code-access", expiresAt: Fixture.now + 20_000)
            let expired = try grantToken(store, fixture, "access-expired", grant: code, expiresAt: Fixture.now + 60)
            let recent = try grantToken(store, fixture, "access-recent", grant: code, expiresAt: cutoff + 1)
            _ = try store.revokeGrant(code, at: Fixture.now + 10)

            let counts = try store.deleteExpiredRecords(at: cleanupAt, policy: policy)

            // The grant's revocation ended every access token long before the cutoff, the recent one included.
            #expect(counts.accessTokens == 3)
            #expect(try store.accessToken(hash: expired) == nil)
            #expect(try store.accessToken(hash: recent) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func liveAccessTokenStays(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = try redeem(store, fixture, "code-live", expiresAt: cleanupAt + 3_600)
            let recent = try grantToken(store, fixture, "access-recent", grant: code, expiresAt: cutoff + 1)
            let old = try grantToken(store, fixture, "access-old", grant: code, expiresAt: cutoff - 1)

            let counts = try store.deleteExpiredRecords(at: cleanupAt, policy: policy)

            #expect(counts.accessTokens == 1)
            #expect(try store.accessToken(hash: old) == nil)
            #expect(try store.accessToken(hash: recent) != nil)
            #expect(try store.accessToken(hash: TokenHash.of("access-code-live")) != nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func rotatedTokensStayWhileFamilyLives(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let grant = try redeem(store, fixture, "code-family", expiresAt: Fixture.now + 60)
            var successor = fixture.refreshToken("refresh-successor", grantID: grant)
            successor.expiresAt = cleanupAt + 3_600
            _ = try store.rotateRefreshToken(
                hash: TokenHash.of("refresh-code-family"), at: Fixture.now + 30,
                access: fixture.accessToken("access-successor", grantID: grant), refresh: successor,
                sealedSuccessor: [1])

            let counts = try store.deleteExpiredRecords(at: cleanupAt, policy: policy)

            #expect(counts.refreshTokens == 0)
            #expect(try store.refreshToken(hash: TokenHash.of("refresh-code-family"))?.rotatedAt == Fixture.now + 30)
            #expect(try store.refreshToken(hash: successor.tokenHash) != nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func deadFamilyGoesWhole(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let grant = try redeem(store, fixture, "code-dead", expiresAt: Fixture.now + 60)
            var successor = fixture.refreshToken("refresh-dead-successor", grantID: grant)
            successor.expiresAt = cutoff - 1
            _ = try store.rotateRefreshToken(
                hash: TokenHash.of("refresh-code-dead"), at: Fixture.now + 30,
                access: fixture.accessToken("access-dead-successor", grantID: grant), refresh: successor,
                sealedSuccessor: [1])
            let other = try redeem(store, fixture, "code-other", expiresAt: cleanupAt + 3_600)

            let counts = try store.deleteExpiredRecords(at: cleanupAt, policy: policy)

            #expect(counts.refreshTokens == 2)
            #expect(try store.refreshToken(hash: TokenHash.of("refresh-code-dead")) == nil)
            #expect(try store.refreshToken(hash: successor.tokenHash) == nil)
            #expect(try store.refreshToken(hash: TokenHash.of("refresh-code-other"))?.grantID == other)
        }
    }

    @Test(arguments: StoreFactory.all)
    func revokedFamilyGoesAfterRetention(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let early = try redeem(store, fixture, "code-early", expiresAt: cleanupAt + 3_600)
            let late = try redeem(store, fixture, "code-late", expiresAt: cleanupAt + 3_600)
            _ = try store.revokeGrant(early, at: cutoff - 1)
            _ = try store.revokeGrant(late, at: cutoff + 1)

            let counts = try store.deleteExpiredRecords(at: cleanupAt, policy: policy)

            #expect(counts.refreshTokens == 1)
            #expect(try store.refreshToken(hash: TokenHash.of("refresh-code-early")) == nil)
            #expect(try store.refreshToken(hash: TokenHash.of("refresh-code-late")) != nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func expiredSessionsGoWithoutRetention(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let expired = BrowserSession(
                idHash: TokenHash.of("session-expired"), userID: fixture.user.id, csrfToken: "csrf-1",
                createdAt: Fixture.now, expiresAt: cleanupAt - 1)
            let live = BrowserSession(
                idHash: TokenHash.of("session-live"), userID: nil, csrfToken: "csrf-2", createdAt: Fixture.now,
                expiresAt: cleanupAt + 1)
            try store.createSession(expired)
            try store.createSession(live)

            let counts = try store.deleteExpiredRecords(at: cleanupAt, policy: policy)

            #expect(counts.sessions == 1)
            #expect(try store.session(idHash: expired.idHash) == nil)
            #expect(try store.session(idHash: live.idHash) == live)
        }
    }

    @Test(arguments: StoreFactory.all, [1, 2, 3, 7])
    func smallBatchesDeleteEverything(factory: StoreFactory, batchSize: Int) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            for index in 0..<7 {
                try store.saveAuthorizationCode(fixture.code("code-\(index)", expiresIn: 60))
            }

            let small = CleanupPolicy(retentionSeconds: 100, batchSize: batchSize)
            let first = try store.deleteExpiredRecords(at: cleanupAt, policy: small)
            let second = try store.deleteExpiredRecords(at: cleanupAt, policy: small)

            #expect(first.authorizationCodes == 7)
            #expect(second == CleanupCounts())
        }
    }

    @Test(arguments: StoreFactory.all)
    func emptyStoreCountsZero(factory: StoreFactory) throws {
        try factory.withStore { store in
            let counts = try store.deleteExpiredRecords(at: cleanupAt, policy: policy)

            #expect(counts == CleanupCounts())
        }
    }

    /// Saves and redeems code `name`, issuing `access-<name>` and `refresh-<name>` that expire at `expiresAt`,
    /// and returns the grant id.
    private func redeem(_ store: any DoormanStore, _ fixture: Fixture, _ name: String, expiresAt: Int64) throws
        -> String
    {
        let code = fixture.code(name)
        try store.saveAuthorizationCode(code)
        var access = fixture.accessToken("access-\(name)", grantID: code.codeHash)
        access.expiresAt = expiresAt
        var refresh = fixture.refreshToken("refresh-\(name)", grantID: code.codeHash)
        refresh.expiresAt = expiresAt
        let result = try store.redeemAuthorizationCode(
            hash: code.codeHash, at: Fixture.now, access: access, refresh: refresh)
        try #require(result == .redeemed)
        return code.codeHash
    }

    /// Stores one more access token in `grant` through a rotation-free code redemption, and returns its hash.
    private func grantToken(
        _ store: any DoormanStore, _ fixture: Fixture, _ name: String, grant: String, expiresAt: Int64
    ) throws -> String {
        let code = fixture.code("code-for-\(name)")
        try store.saveAuthorizationCode(code)
        var access = fixture.accessToken(name, grantID: grant)
        access.expiresAt = expiresAt
        let result = try store.redeemAuthorizationCode(
            hash: code.codeHash, at: Fixture.now, access: access, refresh: nil)
        try #require(result == .redeemed)
        return access.tokenHash
    }
}
