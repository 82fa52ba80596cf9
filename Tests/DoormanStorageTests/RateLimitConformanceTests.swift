import Dispatch
import DoormanOAuth
import DoormanStorage
import Synchronization
import Testing

/// Rate-limit counters, checked against every store in `StoreFactory.all`.
struct RateLimitConformanceTests {
    static let start: Int64 = 1_764_892_800

    @Test(arguments: StoreFactory.all)
    func firstHitOpensWindow(factory: StoreFactory) throws {
        try factory.withStore { store in
            let counter = try store.addRateLimitHits(3, key: "token.client:a", window: 60, at: Self.start)

            #expect(
                counter
                    == RateLimitCounter(
                        hits: 3, windowStart: Self.start, windowEnd: Self.start + 60, lastHitAt: Self.start))
        }
    }

    @Test(arguments: StoreFactory.all)
    func hitsAddUpInsideWindow(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try store.addRateLimitHits(1, key: "k", window: 60, at: Self.start)
            _ = try store.addRateLimitHits(5, key: "k", window: 60, at: Self.start + 10)
            let counter = try store.addRateLimitHits(1, key: "k", window: 999, at: Self.start + 59)

            #expect(counter.hits == 7)
            #expect(counter.windowStart == Self.start)
            #expect(counter.windowEnd == Self.start + 60)
            #expect(counter.lastHitAt == Self.start + 59)
        }
    }

    @Test(arguments: StoreFactory.all)
    func hitAtWindowEndOpensNewWindow(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try store.addRateLimitHits(50, key: "k", window: 60, at: Self.start)
            let counter = try store.addRateLimitHits(2, key: "k", window: 30, at: Self.start + 60)

            #expect(
                counter
                    == RateLimitCounter(
                        hits: 2, windowStart: Self.start + 60, windowEnd: Self.start + 90, lastHitAt: Self.start + 60))
        }
    }

    @Test(arguments: StoreFactory.all)
    func keysCountSeparately(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try store.addRateLimitHits(4, key: "a", window: 60, at: Self.start)
            let other = try store.addRateLimitHits(1, key: "b", window: 60, at: Self.start)

            #expect(other.hits == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func counterReadsOnlyOpenWindow(factory: StoreFactory) throws {
        try factory.withStore { store in
            let added = try store.addRateLimitHits(2, key: "k", window: 60, at: Self.start)

            #expect(try store.rateLimitCounter(key: "k", at: Self.start + 59) == added)
            #expect(try store.rateLimitCounter(key: "k", at: Self.start + 60) == nil)
            #expect(try store.rateLimitCounter(key: "missing", at: Self.start) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func resetDeletesCounter(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try store.addRateLimitHits(9, key: "k", window: 60, at: Self.start)
            try store.resetRateLimit(key: "k")
            try store.resetRateLimit(key: "missing")

            #expect(try store.rateLimitCounter(key: "k", at: Self.start) == nil)
            #expect(try store.addRateLimitHits(1, key: "k", window: 60, at: Self.start + 1).hits == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func purgeDeletesEndedWindowsOnly(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try store.addRateLimitHits(1, key: "ended", window: 10, at: Self.start)
            _ = try store.addRateLimitHits(1, key: "ends-now", window: 20, at: Self.start)
            _ = try store.addRateLimitHits(1, key: "open", window: 21, at: Self.start)

            #expect(try store.purgeRateLimits(endedBy: Self.start + 20) == 2)
            #expect(try store.rateLimitCounter(key: "open", at: Self.start + 20)?.hits == 1)
            #expect(try store.purgeRateLimits(endedBy: Self.start + 20) == 0)
        }
    }

    @Test(arguments: StoreFactory.all)
    func concurrentHitsAreEachCountedOnce(factory: StoreFactory) throws {
        try factory.withStore { store in
            let threads = 16
            let results = Mutex<[Int]>([])
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                let hits = try? store.addRateLimitHits(1, key: "k", window: 60, at: Self.start).hits
                results.withLock { $0.append(hits ?? -1) }
            }

            #expect(results.withLock { $0.sorted() } == Array(1...threads))
        }
    }
}
