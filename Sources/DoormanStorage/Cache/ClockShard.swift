/// One shard of `ExpiringCache`: a fixed number of slots, evicted by the CLOCK algorithm.
///
/// CLOCK approximates least-recently-used eviction. A read sets the slot's reference bit, and the eviction hand
/// clears set bits as it sweeps and evicts the first slot whose bit is already clear. A read only sets a bit,
/// so no list is relinked under the lock. Not thread-safe: `ExpiringCache` guards each shard with a mutex.
struct ClockShard<Value> {
    struct Slot {
        var key: String
        var value: Value
        /// Unix milliseconds at which the entry was stored. A read at an earlier time finds the entry stale,
        /// because the wall clock went back.
        var storedAt: Int64
        /// Unix milliseconds from which the entry is stale.
        var staleAt: Int64
        var isReferenced: Bool
    }

    let capacity: Int
    private(set) var slots: [Slot?] = []
    private var indexByKey: [String: Int] = [:]
    private var freeIndexes: [Int] = []
    private var hand = 0
    /// Counts invalidations, so that a value read from the store before one is not stored after it.
    private(set) var generation: UInt64 = 0

    init(capacity: Int) {
        precondition(capacity >= 1, "a cache shard needs at least one slot, got \(capacity)")
        self.capacity = capacity
    }

    var count: Int {
        indexByKey.count
    }

    /// Returns the value for `key` if it is fresh at `now`, in Unix milliseconds, and drops it if it is stale.
    mutating func value(forKey key: String, at now: Int64) -> Value? {
        guard let index = indexByKey[key], let slot = slots[index] else {
            return nil
        }
        guard slot.storedAt <= now, now < slot.staleAt else {
            remove(at: index)
            return nil
        }
        slots[index]?.isReferenced = true
        return slot.value
    }

    /// Stores `value` for `key`, replacing an earlier value, and evicts another entry when the shard is full.
    mutating func insert(_ value: Value, forKey key: String, storedAt: Int64, staleAt: Int64) {
        let slot = Slot(key: key, value: value, storedAt: storedAt, staleAt: staleAt, isReferenced: false)
        if let index = indexByKey[key] {
            slots[index] = slot
            return
        }

        let index = freeIndex()
        slots[index] = slot
        indexByKey[key] = index
    }

    /// Removes every entry whose value matches `predicate` and makes stores of earlier reads fail.
    mutating func removeAll(where predicate: (Value) -> Bool) {
        generation &+= 1
        for index in slots.indices {
            if let slot = slots[index], predicate(slot.value) {
                remove(at: index)
            }
        }
    }

    /// Removes the entry for `key`, if any, and makes stores of earlier reads fail.
    mutating func removeValue(forKey key: String) {
        generation &+= 1
        if let index = indexByKey[key] {
            remove(at: index)
        }
    }

    /// Returns a slot to write: a free one, a new one below capacity, or the one that CLOCK evicts.
    private mutating func freeIndex() -> Int {
        if let index = freeIndexes.popLast() {
            return index
        }
        if slots.count < capacity {
            slots.append(nil)
            return slots.count - 1
        }

        // Every slot is in use here. The sweep ends within two turns, because it clears each bit it passes.
        while slots[hand]?.isReferenced == true {
            slots[hand]?.isReferenced = false
            hand = (hand + 1) % capacity
        }
        let victim = hand
        hand = (hand + 1) % capacity
        if let key = slots[victim]?.key {
            indexByKey[key] = nil
        }
        return victim
    }

    private mutating func remove(at index: Int) {
        guard let key = slots[index]?.key else {
            return
        }
        indexByKey[key] = nil
        slots[index] = nil
        freeIndexes.append(index)
    }
}
