import DoormanOAuth
import DoormanPostgres
import DoormanTestSupport
import Synchronization
import Testing

/// Redemption and rotation raced across two pools on one PostgreSQL database, as two Doorman instances behind a
/// load balancer would race them.
///
/// Each round releases `threadCount` threads at once, alternating between the two stores, and checks that
/// exactly one wins and that only the winner's tokens are stored.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured))
struct PostgresConcurrencyTests {
    private static let threadCount = 20
    private static let rounds = 50

    @Test func redeemAcrossInstancesSucceedsOnce() throws {
        try withTwoInstances { stores in
            let fixture = try Fixture.insert(into: stores[0])
            for round in 0..<Self.rounds {
                let code = fixture.code("code-\(round)")
                try stores[round % 2].saveAuthorizationCode(code)

                let results = try race { thread in
                    try stores[thread % 2].redeemAuthorizationCode(
                        hash: code.codeHash, at: Fixture.now,
                        access: fixture.accessToken("access-\(round)-\(thread)", grantID: code.codeHash),
                        refresh: fixture.refreshToken("refresh-\(round)-\(thread)", grantID: code.codeHash))
                }

                let winners = results.indices.filter { results[$0] == .redeemed }
                #expect(winners.count == 1, "round \(round)")
                #expect(results.filter { $0 == .alreadyConsumed }.count == Self.threadCount - 1, "round \(round)")
                let stored = try (0..<Self.threadCount).filter { thread in
                    try stores[0].accessToken(hash: TokenHash.of("access-\(round)-\(thread)")) != nil
                }
                #expect(stored == winners, "round \(round)")
            }
        }
    }

    @Test func rotateAcrossInstancesSucceedsOnce() throws {
        try withTwoInstances { stores in
            let fixture = try Fixture.insert(into: stores[0])
            let code = fixture.code("code-rotation")
            try stores[0].saveAuthorizationCode(code)
            let grant = code.codeHash
            var current = fixture.refreshToken("refresh-start", grantID: grant)
            _ = try stores[1].redeemAuthorizationCode(
                hash: grant, at: Fixture.now, access: fixture.accessToken("access-start", grantID: grant),
                refresh: current)

            for round in 0..<Self.rounds {
                let presented = current.tokenHash
                let results = try race { thread in
                    try stores[thread % 2].rotateRefreshToken(
                        hash: presented, at: Fixture.now + Int64(round),
                        access: fixture.accessToken("access-\(round)-\(thread)", grantID: grant),
                        refresh: fixture.refreshToken("refresh-\(round)-\(thread)", grantID: grant),
                        sealedSuccessor: [UInt8(thread)])
                }

                let winners = results.indices.filter { results[$0] == .rotated }
                #expect(winners.count == 1, "round \(round)")
                let replays = results.filter { if case .alreadyRevoked = $0 { true } else { false } }
                #expect(replays.count == Self.threadCount - 1, "round \(round)")
                let stored = try (0..<Self.threadCount).filter { thread in
                    try stores[1].refreshToken(hash: TokenHash.of("refresh-\(round)-\(thread)")) != nil
                }
                #expect(stored == winners, "round \(round)")

                let winner = try #require(winners.first)
                // A loser on either instance reads the record as the winner committed it, sealed successor included.
                for case .alreadyRevoked(let seen) in results {
                    #expect(seen.sealedSuccessor == [UInt8(winner)], "round \(round)")
                    #expect(seen.rotatedAt == Fixture.now + Int64(round), "round \(round)")
                }
                current = try #require(try stores[0].refreshToken(hash: TokenHash.of("refresh-\(round)-\(winner)")))
            }
        }
    }

    /// Runs `body` with two stores, each with its own pool, on one new schema.
    private func withTwoInstances(_ body: ([PostgresStore]) throws -> Void) throws {
        try PostgresTestDatabase.withSchema { url in
            let configuration = PostgresConfiguration(url: url, poolSize: Self.threadCount / 2)
            let first = try PostgresStore.open(configuration: configuration, logger: quietLogger())
            defer { first.close() }
            let second = try PostgresStore.open(configuration: configuration, logger: quietLogger())
            defer { second.close() }
            try body([first, second])
        }
    }

    /// Runs `body` on `threadCount` threads released at once and returns each thread's result by thread index.
    private func race<Result: Sendable>(_ body: @escaping @Sendable (Int) throws -> Result) throws -> [Result] {
        let results = Mutex<[Int: Result]>([:])
        let errors = runOnThreads(count: Self.threadCount) { thread in
            let result = try body(thread)
            results.withLock { $0[thread] = result }
        }
        try #require(errors.isEmpty, "threads failed: \(errors)")
        let byThread = results.withLock { $0 }
        return try (0..<Self.threadCount).map { thread in try #require(byThread[thread]) }
    }
}
