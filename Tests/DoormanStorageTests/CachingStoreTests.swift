import DoormanOAuth
import DoormanStorage
import Synchronization
import Testing

/// `CachingStore` over a real `SQLiteStore`. Writes made through the SQLite store directly stand for another
/// instance sharing the database, which the cache cannot see.
struct CachingStoreTests {
    /// A wall clock in Unix milliseconds that tests move by hand.
    final class TestClock: Sendable {
        private let milliseconds = Mutex(Fixture.now * 1000)

        func now() -> Int64 {
            milliseconds.withLock { $0 }
        }

        func advance(seconds: Int64) {
            milliseconds.withLock { $0 += seconds * 1000 }
        }

        func set(milliseconds value: Int64) {
            milliseconds.withLock { $0 = value }
        }
    }

    struct Harness {
        let database: SQLiteStore
        let cached: CachingStore
        let clock: TestClock
        let fixture: Fixture

        /// Stores an active access token of grant `grant` through the cached store and returns its hash.
        func issue(_ token: String, grant: String, expiresIn lifetime: Int64 = 7_200) throws -> String {
            var access = fixture.accessToken(token, grantID: TokenHash.of(grant))
            access.expiresAt = Fixture.now + lifetime
            try cached.saveAuthorizationCode(fixture.code(grant))
            let result = try cached.redeemAuthorizationCode(
                hash: TokenHash.of(grant), at: Fixture.now, access: access, refresh: nil)
            #expect(result == .redeemed)
            return access.tokenHash
        }

        /// Returns whether the cached store reads the token with `hash` as revoked.
        func readsRevoked(_ hash: String) throws -> Bool {
            let found = try #require(try cached.accessTokenAndUser(hash: hash))
            return found.token.revokedAt != nil
        }
    }

    private func withHarness(
        lifetime: Int = 5, capacity: Int = 1_000, clientLifetime: Int = 5, _ body: (Harness) throws -> Void
    ) throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteStore.open(path: path, poolSize: 12)
            defer { try? database.close() }
            let clock = TestClock()
            let settings = StoreCacheSettings(
                tokenLifetimeSeconds: lifetime, tokenCapacity: capacity, clientLifetimeSeconds: clientLifetime)
            let cached = CachingStore(wrapping: database, settings: settings, now: { clock.now() })
            let fixture = try Fixture.insert(into: cached)
            try body(Harness(database: database, cached: cached, clock: clock, fixture: fixture))
        }
    }

    @Test func lookupServedFromMemory() throws {
        try withHarness { harness in
            let hash = try harness.issue("token-a", grant: "grant-a")
            let first = try #require(try harness.cached.accessTokenAndUser(hash: hash))
            _ = try harness.database.revokeGrant(TokenHash.of("grant-a"), at: Fixture.now)

            #expect(first.user == harness.fixture.user)
            #expect(harness.cached.cachedTokenCount == 1)
            #expect(try harness.readsRevoked(hash) == false)
            #expect(try harness.cached.accessToken(hash: hash)?.revokedAt == nil)
        }
    }

    @Test func entryStaleAfterLifetime() throws {
        try withHarness(lifetime: 5) { harness in
            let hash = try harness.issue("token-a", grant: "grant-a")
            _ = try harness.cached.accessTokenAndUser(hash: hash)
            _ = try harness.database.revokeGrant(TokenHash.of("grant-a"), at: Fixture.now)

            harness.clock.advance(seconds: 4)
            #expect(try harness.readsRevoked(hash) == false)
            harness.clock.advance(seconds: 1)
            #expect(try harness.readsRevoked(hash) == true)
        }
    }

    @Test func entryStaleAtTokenExpiry() throws {
        try withHarness(lifetime: 60) { harness in
            let hash = try harness.issue("token-a", grant: "grant-a", expiresIn: 2)
            _ = try harness.cached.accessTokenAndUser(hash: hash)
            _ = try harness.database.revokeGrant(TokenHash.of("grant-a"), at: Fixture.now)

            harness.clock.advance(seconds: 1)
            #expect(try harness.readsRevoked(hash) == false)
            harness.clock.advance(seconds: 1)
            #expect(try harness.readsRevoked(hash) == true)
        }
    }

    @Test func entryStaleWhenClockGoesBack() throws {
        try withHarness { harness in
            let hash = try harness.issue("token-a", grant: "grant-a")
            _ = try harness.cached.accessTokenAndUser(hash: hash)
            _ = try harness.database.revokeGrant(TokenHash.of("grant-a"), at: Fixture.now)

            harness.clock.set(milliseconds: Fixture.now * 1000 - 1)
            #expect(try harness.readsRevoked(hash) == true)
        }
    }

    @Test func revokeGrantDropsTokensAtOnce() throws {
        try withHarness { harness in
            let hashA = try harness.issue("token-a", grant: "grant-a")
            let hashB = try harness.issue("token-b", grant: "grant-b")
            _ = try harness.cached.accessTokenAndUser(hash: hashA)
            _ = try harness.cached.accessTokenAndUser(hash: hashB)

            let revoked = try harness.cached.revokeGrant(TokenHash.of("grant-a"), at: Fixture.now)

            #expect(revoked == 1)
            #expect(try harness.readsRevoked(hashA) == true)
            #expect(try harness.cached.accessToken(hash: hashA)?.revokedAt != nil)
            #expect(try harness.readsRevoked(hashB) == false)
        }
    }

    @Test func rotationDropsGrantTokens() throws {
        try withHarness { harness in
            let grant = TokenHash.of("grant-a")
            let hash = try harness.issue("token-a", grant: "grant-a")
            _ = try harness.cached.accessTokenAndUser(hash: hash)
            _ = try harness.database.revokeGrant(grant, at: Fixture.now)

            let result = try harness.cached.rotateRefreshToken(
                hash: TokenHash.of("no-such-refresh-token"), at: Fixture.now,
                access: harness.fixture.accessToken("token-b", grantID: grant),
                refresh: harness.fixture.refreshToken("refresh-b", grantID: grant), sealedSuccessor: [1, 2, 3])

            #expect(result == .notFound)
            #expect(try harness.readsRevoked(hash) == true)
        }
    }

    @Test func forgetAccessTokenDropsOneToken() throws {
        try withHarness { harness in
            let hashA = try harness.issue("token-a", grant: "grant-a")
            let hashB = try harness.issue("token-b", grant: "grant-b")
            _ = try harness.cached.accessTokenAndUser(hash: hashA)
            _ = try harness.cached.accessTokenAndUser(hash: hashB)
            _ = try harness.database.revokeGrant(TokenHash.of("grant-a"), at: Fixture.now)
            _ = try harness.database.revokeGrant(TokenHash.of("grant-b"), at: Fixture.now)

            harness.cached.forgetAccessToken(hash: hashA)

            #expect(try harness.readsRevoked(hashA) == true)
            #expect(try harness.readsRevoked(hashB) == false)
        }
    }

    @Test func missNotKept() throws {
        try withHarness { harness in
            let hash = TokenHash.of("token-a")
            #expect(try harness.cached.accessTokenAndUser(hash: hash) == nil)

            _ = try harness.issue("token-a", grant: "grant-a")

            #expect(try harness.cached.accessTokenAndUser(hash: hash) != nil)
        }
    }

    @Test func revokedTokenNotKept() throws {
        try withHarness { harness in
            let hash = try harness.issue("token-a", grant: "grant-a")
            _ = try harness.database.revokeGrant(TokenHash.of("grant-a"), at: Fixture.now)
            #expect(try harness.readsRevoked(hash) == true)

            #expect(harness.cached.cachedTokenCount == 0)
        }
    }

    @Test func zeroLifetimeTurnsCacheOff() throws {
        try withHarness(lifetime: 0) { harness in
            let hash = try harness.issue("token-a", grant: "grant-a")
            _ = try harness.cached.accessTokenAndUser(hash: hash)
            _ = try harness.database.revokeGrant(TokenHash.of("grant-a"), at: Fixture.now)

            #expect(try harness.readsRevoked(hash) == true)
            #expect(harness.cached.cachedTokenCount == 0)
        }
    }

    @Test func entriesBoundedByCapacity() throws {
        try withHarness(capacity: 32) { harness in
            var hashes: [String] = []
            for index in 0..<100 {
                hashes.append(try harness.issue("token-\(index)", grant: "grant-\(index)"))
            }
            for hash in hashes {
                _ = try harness.cached.accessTokenAndUser(hash: hash)
            }

            #expect(harness.cached.cachedTokenCount <= 32)
            #expect(harness.cached.cachedTokenCount >= 16)
            #expect(try hashes.allSatisfy { try harness.cached.accessTokenAndUser(hash: $0) != nil })
        }
    }

    /// Readers and revokers race on the same tokens. Whatever the interleaving, a token whose grant was revoked
    /// through the cached store must read revoked afterwards, so no lookup stored a stale value.
    @Test func concurrentLookupsAndRevocations() throws {
        try withHarness(capacity: 64) { harness in
            let tokenCount = 40
            let hashes = try (0..<tokenCount).map { try harness.issue("token-\($0)", grant: "grant-\($0)") }
            let revokedCount = Atomic(0)

            let errors = runOnThreads(count: 8) { thread in
                for round in 0..<300 {
                    let index = (round * 7 + thread * 13) % tokenCount
                    _ = try harness.cached.accessTokenAndUser(hash: hashes[index])
                    if thread == 0, round % 10 == 0, index % 2 == 0 {
                        revokedCount.add(
                            try harness.cached.revokeGrant(TokenHash.of("grant-\(index)"), at: Fixture.now),
                            ordering: .relaxed)
                    }
                }
            }

            #expect(errors.isEmpty)
            #expect(revokedCount.load(ordering: .relaxed) > 0)
            for (index, hash) in hashes.enumerated() {
                let stored = try #require(try harness.database.accessToken(hash: hash))
                #expect(try harness.readsRevoked(hash) == (stored.revokedAt != nil), "token \(index)")
            }
        }
    }

    @Test func webAppServedFromMemory() throws {
        try withHarness { harness in
            let webApp = harness.fixture.webApp
            _ = try harness.cached.webApp(clientID: webApp.clientID)
            _ = try harness.database.setClientSecretHash("replaced", webAppID: webApp.id)

            #expect(try harness.cached.webApp(clientID: webApp.clientID)?.clientSecretHash == webApp.clientSecretHash)
            harness.clock.advance(seconds: 5)
            #expect(try harness.cached.webApp(clientID: webApp.clientID)?.clientSecretHash == "replaced")
        }
    }

    @Test func secretChangeDropsWebApp() throws {
        try withHarness { harness in
            let webApp = harness.fixture.webApp
            _ = try harness.cached.webApp(clientID: webApp.clientID)

            #expect(try harness.cached.setClientSecretHash("replaced", webAppID: webApp.id))
            #expect(try harness.cached.webApp(clientID: webApp.clientID)?.clientSecretHash == "replaced")
        }
    }

    @Test func unknownClientNotKept() throws {
        try withHarness { harness in
            var webApp = harness.fixture.webApp
            webApp.id = "exp_later"
            webApp.clientID = "app_later"
            #expect(try harness.cached.webApp(clientID: webApp.clientID) == nil)

            try harness.cached.createWebApp(webApp)

            #expect(try harness.cached.webApp(clientID: webApp.clientID) == webApp)
        }
    }

    @Test func zeroClientLifetimeTurnsCacheOff() throws {
        try withHarness(clientLifetime: 0) { harness in
            let webApp = harness.fixture.webApp
            _ = try harness.cached.webApp(clientID: webApp.clientID)
            _ = try harness.database.setClientSecretHash("replaced", webAppID: webApp.id)

            #expect(try harness.cached.webApp(clientID: webApp.clientID)?.clientSecretHash == "replaced")
        }
    }
}
