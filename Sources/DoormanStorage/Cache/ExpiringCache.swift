import Synchronization

/// A bounded in-memory cache whose entries go stale after a lifetime, split into shards with a mutex each so
/// that threads reading different keys rarely wait for one another.
///
/// Times are Unix milliseconds from the injected clock. An entry is served from when it was stored until the
/// earlier of its lifetime and the deadline its caller gives. It is never served while the clock reads earlier
/// than the time it was stored, so a wall clock set back cannot stretch an entry's life.
final class ExpiringCache<Value: Sendable>: Sendable {
    /// The result of a lookup.
    enum Lookup {
        /// A fresh value.
        case hit(Value)
        /// No fresh value. Pass the ticket to `insert`, which stores nothing if an invalidation came in between.
        case miss(Ticket)
    }

    /// The generation of a shard when a lookup missed.
    struct Ticket {
        fileprivate let generation: UInt64
        fileprivate let time: Int64
    }

    private final class Shard: Sendable {
        let state: Mutex<ClockShard<Value>>

        init(capacity: Int) {
            state = Mutex(ClockShard(capacity: capacity))
        }
    }

    /// Maximum number of entries, across all shards.
    let capacity: Int
    /// Milliseconds for which an entry is served after it was stored.
    let lifetimeMilliseconds: Int64
    private let shards: [Shard]
    private let now: @Sendable () -> Int64

    /// Creates an empty cache of at most `capacity` entries, spread over `shardCount` shards, which keep entries
    /// for `lifetimeMilliseconds` by the clock `now`.
    init(capacity: Int, shardCount: Int, lifetimeMilliseconds: Int64, now: @escaping @Sendable () -> Int64) {
        precondition(shardCount >= 1, "a cache needs at least one shard, got \(shardCount)")
        precondition(capacity >= shardCount, "cache capacity \(capacity) is below its shard count \(shardCount)")
        precondition(lifetimeMilliseconds > 0, "cache lifetime must be positive, got \(lifetimeMilliseconds) ms")
        self.capacity = capacity
        self.lifetimeMilliseconds = lifetimeMilliseconds
        self.now = now
        // The first shards take one more entry each when the capacity does not divide evenly.
        shards = (0..<shardCount).map { index in
            Shard(capacity: capacity / shardCount + (index < capacity % shardCount ? 1 : 0))
        }
    }

    /// Number of entries stored, stale ones included until a lookup or an eviction drops them.
    var count: Int {
        shards.reduce(0) { total, shard in total + shard.state.withLock { $0.count } }
    }

    /// Returns the fresh value for `key`, or a ticket for storing the value read elsewhere.
    func lookup(_ key: String) -> Lookup {
        let time = now()
        return shard(for: key).state.withLock { state in
            if let value = state.value(forKey: key, at: time) {
                return .hit(value)
            }
            return .miss(Ticket(generation: state.generation, time: time))
        }
    }

    /// Stores `value` for `key` until `deadline`, in Unix milliseconds, or until the cache's lifetime ends if
    /// that comes first, unless an invalidation reached the key's shard after the lookup that gave `ticket`.
    func insert(_ value: Value, forKey key: String, deadline: Int64, ticket: Ticket) {
        let staleAt = min(deadline, ticket.time + lifetimeMilliseconds)
        guard ticket.time < staleAt else {
            return
        }
        shard(for: key).state.withLock { state in
            if state.generation == ticket.generation {
                state.insert(value, forKey: key, storedAt: ticket.time, staleAt: staleAt)
            }
        }
    }

    /// Removes every entry whose value matches `predicate`, and keeps values read before this call from being
    /// stored after it.
    func removeAll(where predicate: @Sendable (Value) -> Bool) {
        for shard in shards {
            shard.state.withLock { $0.removeAll(where: predicate) }
        }
    }

    /// Removes the entry for `key`, and keeps a value for it read before this call from being stored after it.
    func removeValue(forKey key: String) {
        shard(for: key).state.withLock { $0.removeValue(forKey: key) }
    }

    private func shard(for key: String) -> Shard {
        // Swift's string hash is seeded per process, so clients cannot choose keys that crowd into one shard.
        shards[Int(UInt(bitPattern: key.hashValue) % UInt(shards.count))]
    }
}
