/// A rate-limit counter as the store keeps it: the hits of the current window and the window's bounds.
public struct RateLimitCounter: Sendable, Equatable {
    /// Hits counted in the current window.
    public var hits: Int
    /// Start of the current window in Unix seconds: the time of its first hit.
    public var windowStart: Int64
    /// End of the current window in Unix seconds. A hit at or after this time starts a new window.
    public var windowEnd: Int64
    /// Time of the latest hit in Unix seconds.
    public var lastHitAt: Int64

    /// Creates a counter.
    public init(hits: Int, windowStart: Int64, windowEnd: Int64, lastHitAt: Int64) {
        self.hits = hits
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.lastHitAt = lastHitAt
    }
}

/// Rate-limit counters, kept in the database so that every instance of a deployment counts the same hits.
///
/// A key is opaque to the store. Callers build keys with `RateLimitKey`, which never puts a secret or a clear
/// username in one. A window opens at the first hit of its key, lasts the `window` seconds given with that hit,
/// and a hit at or after its end opens a new window. Which limit applies to the count is the caller's policy.
public protocol RateLimitStore: Sendable {
    /// Adds `cost` hits (at least 1) to the counter of `key` at `now` and returns the counter after the addition.
    ///
    /// The read and the addition are one atomic step, across processes too: of any number of concurrent calls for
    /// one key, each returns a different `hits`. `window` is in seconds and only applies when a new window opens.
    func addRateLimitHits(_ cost: Int, key: String, window: Int64, at now: Int64) throws(StoreError)
        -> RateLimitCounter
    /// Returns the counter of `key` when its window is still open at `now`, or nil.
    func rateLimitCounter(key: String, at now: Int64) throws(StoreError) -> RateLimitCounter?
    /// Deletes the counter of `key`; deleting a missing counter is not an error.
    func resetRateLimit(key: String) throws(StoreError)
    /// Deletes every counter whose window ended at or before `cutoff`, and returns how many it deleted.
    ///
    /// Such counters no longer limit anything, so a periodic cleanup can call this with the current time.
    func purgeRateLimits(endedBy cutoff: Int64) throws(StoreError) -> Int
}
