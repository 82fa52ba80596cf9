/// The arithmetic of leasing hits from a shared counter in chunks, so that most requests count without I/O.
///
/// An instance adds a whole chunk to the shared counter at once and then admits that many requests from memory
/// until the window ends. The store never grants more than the limit in one window, so the instances of a
/// deployment together never admit more than the limit. The cost is the other way round: a chunk leased by one
/// instance and not used there is lost to the others, so a client spread over `n` instances may be limited after
/// `limit - (n - 1) * (lease - 1)` hits. `size(for:configured:)` keeps a lease at a tenth of the limit or less.
public enum RateLimitLease {
    /// Returns the hits to lease at once for `rule`: `configured`, but at most a tenth of the limit and at least 1.
    public static func size(for rule: RateLimit, configured: Int) -> Int {
        max(1, min(configured, rule.limit / 10))
    }

    /// Returns how many of the `cost` hits just added to a counter fall within `rule`'s limit.
    ///
    /// `counter` is what the store returned after adding `cost`, so the hits before this lease are
    /// `counter.hits - cost`, and hits past the limit are not granted.
    public static func granted(_ counter: RateLimitCounter, cost: Int, rule: RateLimit) -> Int {
        let before = counter.hits - cost
        return min(cost, max(0, rule.limit - before))
    }
}
