/// Growing delays between sign-in attempts to one account after repeated failed passwords.
///
/// Failed attempts are counted in a window that opens at the first failure. Once `threshold` failures are
/// counted, the next attempt must wait `initialDelay` seconds after the latest failure, and each further failure
/// doubles the wait, up to `maximumDelay`. With the defaults, an attacker gets 5 guesses, then waits 1, 2, 4, …
/// seconds, and after 15 failures one guess per 15 minutes, so about 110 guesses per account per day.
///
/// NOTE: the delay applies to the account whatever the client address, so an attacker with a valid username can
/// make its owner wait up to `maximumDelay` per attempt. The cap bounds that.
public struct SignInBackoff: Sendable, Equatable {
    /// Failures counted before delays start, at least 1.
    public var threshold: Int
    /// Seconds from the first failure during which failures are counted.
    public var window: Int64
    /// Seconds to wait after the failure that reaches `threshold`.
    public var initialDelay: Int64
    /// Maximum wait in seconds, however many failures follow.
    public var maximumDelay: Int64

    /// Creates a backoff. Values below 1, or a maximum below the initial delay, are programmer errors.
    public init(threshold: Int, window: Int64, initialDelay: Int64, maximumDelay: Int64) {
        precondition(threshold >= 1 && window >= 1 && initialDelay >= 1, "sign-in backoff values must be at least 1")
        precondition(maximumDelay >= initialDelay, "maximumDelay \(maximumDelay) is below initialDelay \(initialDelay)")
        self.threshold = threshold
        self.window = window
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
    }

    /// 5 failures in 24 hours, then 1 second doubling to 900 seconds.
    public static let standard = SignInBackoff(threshold: 5, window: 86_400, initialDelay: 1, maximumDelay: 900)

    /// Returns the seconds that must pass after the latest failure, when `failures` failures are counted.
    public func delay(afterFailures failures: Int) -> Int64 {
        guard failures >= threshold else {
            return 0
        }
        // Doubling past 62 steps would overflow Int64; the cap is reached long before for any sane setting.
        let doublings = min(failures - threshold, 62)
        let (delay, overflow) = initialDelay.multipliedReportingOverflow(by: Int64(1) << doublings)
        return overflow ? maximumDelay : min(delay, maximumDelay)
    }

    /// Returns whether an attempt at `now` may go ahead, given the account's failure counter, or how long it waits.
    public func verdict(failures counter: RateLimitCounter?, at now: Int64) -> RateLimitVerdict {
        guard let counter, counter.windowEnd > now else {
            return .allowed
        }
        let allowedAt = counter.lastHitAt + delay(afterFailures: counter.hits)
        return allowedAt > now ? .limited(until: allowedAt, now: now) : .allowed
    }
}
