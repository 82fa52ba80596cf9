import Testing

@testable import DoormanStorage

/// The sharded cache and its CLOCK shards, below `CachingStore`.
struct ExpiringCacheTests {
    private static let start: Int64 = 1_700_000_000_000

    @Test func clockEvictsUnreferencedSlot() {
        var shard = ClockShard<Int>(capacity: 2)
        shard.insert(1, forKey: "a", storedAt: Self.start, staleAt: Self.start + 1_000)
        shard.insert(2, forKey: "b", storedAt: Self.start, staleAt: Self.start + 1_000)
        _ = shard.value(forKey: "a", at: Self.start)

        shard.insert(3, forKey: "c", storedAt: Self.start, staleAt: Self.start + 1_000)

        #expect(shard.count == 2)
        #expect(shard.value(forKey: "a", at: Self.start) == 1)
        #expect(shard.value(forKey: "b", at: Self.start) == nil)
        #expect(shard.value(forKey: "c", at: Self.start) == 3)
    }

    @Test func clockEvictsWhenEverySlotReferenced() {
        var shard = ClockShard<Int>(capacity: 2)
        shard.insert(1, forKey: "a", storedAt: Self.start, staleAt: Self.start + 1_000)
        shard.insert(2, forKey: "b", storedAt: Self.start, staleAt: Self.start + 1_000)
        _ = shard.value(forKey: "a", at: Self.start)
        _ = shard.value(forKey: "b", at: Self.start)

        shard.insert(3, forKey: "c", storedAt: Self.start, staleAt: Self.start + 1_000)

        #expect(shard.count == 2)
        #expect(shard.value(forKey: "c", at: Self.start) == 3)
    }

    @Test func staleEntryDropped() {
        var shard = ClockShard<Int>(capacity: 4)
        shard.insert(1, forKey: "a", storedAt: Self.start, staleAt: Self.start + 1_000)

        #expect(shard.value(forKey: "a", at: Self.start + 999) == 1)
        #expect(shard.value(forKey: "a", at: Self.start + 1_000) == nil)
        #expect(shard.count == 0)
    }

    @Test func insertAfterInvalidationIgnored() {
        let cache = ExpiringCache<Int>(capacity: 16, shardCount: 4, lifetimeMilliseconds: 5_000) { Self.start }
        guard case .miss(let ticket) = cache.lookup("a") else {
            Issue.record("an empty cache returned a hit")
            return
        }

        cache.removeAll { _ in false }
        cache.insert(1, forKey: "a", deadline: Self.start + 10_000, ticket: ticket)

        #expect(cache.count == 0)
    }

    @Test func insertBeyondDeadlineIgnored() {
        let cache = ExpiringCache<Int>(capacity: 16, shardCount: 4, lifetimeMilliseconds: 5_000) { Self.start }
        guard case .miss(let ticket) = cache.lookup("a") else {
            Issue.record("an empty cache returned a hit")
            return
        }

        cache.insert(1, forKey: "a", deadline: Self.start, ticket: ticket)

        #expect(cache.count == 0)
    }

    @Test func capacitySpreadOverShards() {
        let cache = ExpiringCache<Int>(capacity: 10, shardCount: 4, lifetimeMilliseconds: 5_000) { Self.start }
        for index in 0..<1_000 {
            if case .miss(let ticket) = cache.lookup("key-\(index)") {
                cache.insert(index, forKey: "key-\(index)", deadline: Self.start + 10_000, ticket: ticket)
            }
        }

        #expect(cache.count == 10)
    }
}
