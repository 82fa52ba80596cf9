import DoormanOAuth

/// The rate limits of the sign-in form: attempts per client address, and growing delays per account after
/// failed passwords (`SignInBackoff`). RFC 6749 section 2.3.1 requires such protection where passwords are checked.
///
/// Failures are counted for unknown usernames too, so a delay does not tell whether an account exists.
struct SignInThrottle: Sendable {
    let context: WebContext

    private var limits: RateLimitSettings {
        context.settings.rateLimits
    }

    /// Counts an attempt from `address` to sign in as `username`, before the password is checked, and returns
    /// whether it may go ahead.
    func admit(username: String, address: String) throws(StoreError) -> RateLimitVerdict {
        let now = context.now()
        if let rule = limits.signInPerAddress {
            let key = RateLimitKey.signInAddress(RateLimitAddress.group(address))
            let verdict = try context.rateLimiter.check(rule, key: key, name: "sign_in.address", at: now)
            guard verdict == .allowed else {
                return verdict
            }
        }
        guard let backoff = limits.signInPerAccount else {
            return .allowed
        }

        let failures = try context.store.rateLimitCounter(key: RateLimitKey.signInFailures(username), at: now)
        let verdict = backoff.verdict(failures: failures, at: now)
        guard verdict == .allowed, let failures, failures.hits >= backoff.threshold else {
            return verdict
        }
        // Once delays apply, concurrent attempts would all read the same counter and each get a guess. The turn
        // counter lets the first through and makes the others wait until the delay has passed.
        let delay = backoff.delay(afterFailures: failures.hits)
        let turn = try context.store.addRateLimitHits(1, key: RateLimitKey.signInTurn(username), window: delay, at: now)
        return turn.hits == 1 ? .allowed : .limited(until: turn.windowEnd, now: now)
    }

    /// Counts a wrong password or an unknown username for `username`.
    func recordFailure(username: String) throws(StoreError) {
        guard let backoff = limits.signInPerAccount else {
            return
        }
        _ = try context.store.addRateLimitHits(
            1, key: RateLimitKey.signInFailures(username), window: backoff.window, at: context.now())
    }

    /// Forgets the failures of `username` after a correct password, so its owner starts afresh.
    func recordSuccess(username: String) throws(StoreError) {
        guard limits.signInPerAccount != nil else {
            return
        }
        try context.store.resetRateLimit(key: RateLimitKey.signInFailures(username))
        try context.store.resetRateLimit(key: RateLimitKey.signInTurn(username))
    }
}
