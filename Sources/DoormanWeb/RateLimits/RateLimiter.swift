import DoormanOAuth
import Logging
import Synchronization

/// Checks hits against the shared counters of a `RateLimitStore`, leasing them in chunks so that most hits cost
/// no I/O (see `RateLimitLease` for what a lease may cost in accuracy).
///
/// Each key has an in-process allowance: the hits leased and not used yet, valid until the store's window ends.
/// When the store refuses a lease, the refusal is kept until that window ends too, so a client flooding past its
/// limit costs one store write per window and instance, and the refusal is logged once per window.
final class RateLimiter: Sendable {
    private struct Allowance {
        var windowEnd: Int64
        var remaining: Int
        var refused: Bool
    }

    /// Keys kept in memory before expired ones are dropped. Dropping a live allowance loses only its unused hits.
    static let maximumAllowances = 10_000

    let store: any RateLimitStore
    let leaseSize: Int
    let logger: Logger
    private let allowances = Mutex<[String: Allowance]>([:])

    /// Creates a limiter that leases up to `leaseSize` hits at once.
    init(store: any RateLimitStore, leaseSize: Int, logger: Logger) {
        self.store = store
        self.leaseSize = leaseSize
        self.logger = logger
    }

    /// Counts one hit on `key` under `rule` at `now`, and returns whether it is within the limit.
    ///
    /// - Parameter name: the limit's name for the log, such as `token.client`; never a secret.
    func check(_ rule: RateLimit, key: String, name: String, at now: Int64) throws(StoreError) -> RateLimitVerdict {
        if let verdict = takeLeased(key, at: now) {
            return verdict
        }

        let cost = RateLimitLease.size(for: rule, configured: leaseSize)
        let counter = try store.addRateLimitHits(cost, key: key, window: rule.window, at: now)
        let granted = RateLimitLease.granted(counter, cost: cost, rule: rule)
        if granted == 0 {
            logger.audit(
                .rateLimitExceeded, level: .notice,
                metadata: ["rate_limit": "\(name)", "rate_limit.rule": "\(rule)", "window_end": "\(counter.windowEnd)"])
        }
        return keep(key, counter: counter, granted: granted, at: now)
    }

    /// Returns the verdict from the key's allowance, or nil when a new lease is needed.
    private func takeLeased(_ key: String, at now: Int64) -> RateLimitVerdict? {
        allowances.withLock { table in
            guard var allowance = table[key], allowance.windowEnd > now else {
                return nil
            }
            if allowance.refused {
                return .limited(until: allowance.windowEnd, now: now)
            }
            guard allowance.remaining > 0 else {
                return nil
            }
            allowance.remaining -= 1
            table[key] = allowance
            return .allowed
        }
    }

    /// Stores what a lease granted, uses one hit of it, and returns the verdict of this hit.
    private func keep(_ key: String, counter: RateLimitCounter, granted: Int, at now: Int64) -> RateLimitVerdict {
        allowances.withLock { table in
            if table.count >= Self.maximumAllowances {
                table = table.filter { $0.value.windowEnd > now }
                if table.count >= Self.maximumAllowances {
                    table.removeAll()
                }
            }

            guard granted > 0 else {
                table[key] = Allowance(windowEnd: counter.windowEnd, remaining: 0, refused: true)
                return .limited(until: counter.windowEnd, now: now)
            }
            var remaining = granted - 1
            // Another thread may have leased for the same window meanwhile; its unused hits stay usable.
            if let existing = table[key], existing.windowEnd == counter.windowEnd, !existing.refused {
                remaining += existing.remaining
            }
            table[key] = Allowance(windowEnd: counter.windowEnd, remaining: remaining, refused: false)
            return .allowed
        }
    }
}
