import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import Foundation
import Testing

@testable import DoormanWeb

/// The in-process leases of `RateLimiter` over a real SQLite store.
@Suite struct RateLimiterTests {
    static let start: Int64 = 1_764_892_800

    private func withStore(_ body: (SQLiteStore) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("doorman-rate-limiter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore.open(path: directory.path + "/doorman.sqlite3")
        defer { try? store.close() }
        try body(store)
    }

    @Test func leaseAdmitsFromMemory() throws {
        try withStore { store throws in
            let limiter = RateLimiter(store: store, leaseSize: 10, logger: quietLogger())
            let rule = RateLimit(limit: 100, window: 60)
            for _ in 0..<10 {
                #expect(try limiter.check(rule, key: "k", name: "test", at: Self.start) == .allowed)
            }

            // Ten hits took one lease of ten; the eleventh takes a second lease.
            #expect(try store.rateLimitCounter(key: "k", at: Self.start)?.hits == 10)
            #expect(try limiter.check(rule, key: "k", name: "test", at: Self.start) == .allowed)
            #expect(try store.rateLimitCounter(key: "k", at: Self.start)?.hits == 20)
        }
    }

    @Test func instancesTogetherStayWithinLimit() throws {
        try withStore { store throws in
            let instances = (0..<3).map { _ in RateLimiter(store: store, leaseSize: 4, logger: quietLogger()) }
            let rule = RateLimit(limit: 40, window: 60)
            var admitted = 0
            for round in 0..<100 {
                if try instances[round % 3].check(rule, key: "k", name: "test", at: Self.start) == .allowed {
                    admitted += 1
                }
            }

            // Leases of 4 over 3 instances leave at most 2 * 3 hits unused: between 34 and 40 are admitted.
            #expect(admitted <= 40)
            #expect(admitted >= 34)
        }
    }

    @Test func refusalIsKeptUntilWindowEnds() throws {
        try withStore { store throws in
            let limiter = RateLimiter(store: store, leaseSize: 1, logger: quietLogger())
            let rule = RateLimit(limit: 1, window: 60)
            #expect(try limiter.check(rule, key: "k", name: "test", at: Self.start) == .allowed)
            #expect(try limiter.check(rule, key: "k", name: "test", at: Self.start + 1) == .limited(retryAfter: 59))

            // The limiter keeps the refusal in memory, so the store counts no further hits.
            #expect(try limiter.check(rule, key: "k", name: "test", at: Self.start + 2) == .limited(retryAfter: 58))
            #expect(try store.rateLimitCounter(key: "k", at: Self.start + 2)?.hits == 2)
            #expect(try limiter.check(rule, key: "k", name: "test", at: Self.start + 60) == .allowed)
        }
    }

    @Test func leaseEndsWithWindow() throws {
        try withStore { store throws in
            let limiter = RateLimiter(store: store, leaseSize: 5, logger: quietLogger())
            let rule = RateLimit(limit: 50, window: 10)
            #expect(try limiter.check(rule, key: "k", name: "test", at: Self.start) == .allowed)
            #expect(try limiter.check(rule, key: "k", name: "test", at: Self.start + 10) == .allowed)

            let counter = try #require(try store.rateLimitCounter(key: "k", at: Self.start + 10))
            #expect(counter.windowStart == Self.start + 10)
            #expect(counter.hits == 5)
        }
    }
}
