import DoormanOAuth
import DoormanStorage
import Synchronization
import Testing

/// Concurrent redemption and rotation, checked against every store in `StoreFactory.all`.
///
/// Each round starts `threadCount` threads at once on one code or refresh token, each with its own
/// successor tokens, and checks that exactly one wins and that only the winner's tokens are stored.
struct GrantConcurrencyTests {
    private static let threadCount = 20
    private static let rounds = 50

    @Test(arguments: StoreFactory.all)
    func concurrentRedeemSucceedsOnce(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            for round in 0..<Self.rounds {
                let code = fixture.code("code-\(round)")
                try store.saveAuthorizationCode(code)

                let results = try race { thread in
                    try store.redeemAuthorizationCode(
                        hash: code.codeHash, at: Fixture.now,
                        access: fixture.accessToken("access-\(round)-\(thread)", grantID: code.codeHash),
                        refresh: fixture.refreshToken("refresh-\(round)-\(thread)", grantID: code.codeHash))
                }

                let winners = results.indices.filter { results[$0] == .redeemed }
                #expect(winners.count == 1, "round \(round)")
                #expect(results.filter { $0 == .alreadyConsumed }.count == Self.threadCount - 1, "round \(round)")
                let stored = try (0..<Self.threadCount).filter { thread in
                    try store.accessToken(hash: TokenHash.of("access-\(round)-\(thread)")) != nil
                }
                #expect(stored == winners, "round \(round)")
            }
        }
    }

    @Test(arguments: StoreFactory.all)
    func concurrentRotateSucceedsOnce(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-rotation")
            try store.saveAuthorizationCode(code)
            let grant = code.codeHash
            var current = fixture.refreshToken("refresh-start", grantID: grant)
            _ = try store.redeemAuthorizationCode(
                hash: grant, at: Fixture.now, access: fixture.accessToken("access-start", grantID: grant),
                refresh: current)

            for round in 0..<Self.rounds {
                let presented = current.tokenHash
                let results = try race { thread in
                    try store.rotateRefreshToken(
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
                    try store.refreshToken(hash: TokenHash.of("refresh-\(round)-\(thread)")) != nil
                }
                #expect(stored == winners, "round \(round)")

                let winner = try #require(winners.first)
                let rotated = try #require(try store.refreshToken(hash: presented))
                #expect(rotated.sealedSuccessor == [UInt8(winner)], "round \(round)")
                for case .alreadyRevoked(let seen) in results {
                    #expect(seen.sealedSuccessor == [UInt8(winner)], "round \(round)")
                }
                current = try #require(try store.refreshToken(hash: TokenHash.of("refresh-\(round)-\(winner)")))
            }
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
