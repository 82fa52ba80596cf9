import DoormanOAuth
import Testing

@Suite struct RateLimitPolicyTests {
    @Test(arguments: [
        ("600/60", RateLimit(limit: 600, window: 60)),
        ("1/1", RateLimit(limit: 1, window: 1)),
        ("1000000000/1000000000", RateLimit(limit: 1_000_000_000, window: 1_000_000_000)),
    ])
    func limitParsesCountAndSeconds(text: String, expected: RateLimit) {
        #expect(RateLimit.parse(text) == expected)
        #expect(expected.description == text)
    }

    @Test(arguments: [
        "", "600", "600/", "/60", "0/60", "600/0", "-1/60", "+5/60", "600/1m", "6 00/60", "1/2/3",
        "1000000001/60",
    ])
    func limitRejectsMalformedText(text: String) {
        #expect(RateLimit.parse(text) == nil)
    }

    @Test(arguments: [
        // (limit, configured lease, expected lease)
        (600, 20, 20), (100, 20, 10), (5, 20, 1), (1, 20, 1), (1_000_000, 1, 1), (1_000_000, 500, 500),
    ])
    func leaseSizeStaysUnderATenth(limit: Int, configured: Int, expected: Int) {
        #expect(RateLimitLease.size(for: RateLimit(limit: limit, window: 60), configured: configured) == expected)
    }

    @Test(arguments: [
        // (hits after adding, cost, limit, granted)
        (10, 10, 100, 10), (100, 10, 100, 10), (105, 10, 100, 5), (110, 10, 100, 0), (500, 10, 100, 0), (1, 1, 1, 1),
        (2, 1, 1, 0),
    ])
    func leaseGrantsOnlyHitsUnderTheLimit(hits: Int, cost: Int, limit: Int, granted: Int) {
        let counter = RateLimitCounter(hits: hits, windowStart: 0, windowEnd: 60, lastHitAt: 0)

        #expect(RateLimitLease.granted(counter, cost: cost, rule: RateLimit(limit: limit, window: 60)) == granted)
    }

    @Test(
        arguments: [
            // (failures, delay in seconds) with threshold 5, initial delay 1, cap 900
            (0, 0), (4, 0), (5, 1), (6, 2), (7, 4), (8, 8), (14, 512), (15, 900), (16, 900), (100, 900), (Int.max, 900),
        ] as [(Int, Int64)])
    func backoffDoublesUpToTheCap(failures: Int, delay: Int64) {
        #expect(SignInBackoff.standard.delay(afterFailures: failures) == delay)
    }

    @Test func backoffAllowsUntilThreshold() {
        let backoff = SignInBackoff(threshold: 3, window: 600, initialDelay: 10, maximumDelay: 100)
        let now: Int64 = 1_000
        let twoFailures = RateLimitCounter(hits: 2, windowStart: now - 5, windowEnd: now + 595, lastHitAt: now)

        #expect(backoff.verdict(failures: nil, at: now) == .allowed)
        #expect(backoff.verdict(failures: twoFailures, at: now) == .allowed)
    }

    @Test func backoffWaitsAfterLatestFailure() {
        let backoff = SignInBackoff(threshold: 3, window: 600, initialDelay: 10, maximumDelay: 100)
        let lastFailure: Int64 = 1_000
        let fourFailures = RateLimitCounter(
            hits: 4, windowStart: lastFailure - 30, windowEnd: lastFailure + 570, lastHitAt: lastFailure)

        // Four failures with threshold 3 call for twice the initial delay: 20 seconds after the latest failure.
        #expect(backoff.verdict(failures: fourFailures, at: lastFailure) == .limited(retryAfter: 20))
        #expect(backoff.verdict(failures: fourFailures, at: lastFailure + 19) == .limited(retryAfter: 1))
        #expect(backoff.verdict(failures: fourFailures, at: lastFailure + 20) == .allowed)
    }

    @Test func backoffForgetsClosedWindow() {
        let backoff = SignInBackoff(threshold: 1, window: 60, initialDelay: 100, maximumDelay: 100)
        let counter = RateLimitCounter(hits: 9, windowStart: 0, windowEnd: 60, lastHitAt: 59)

        #expect(backoff.verdict(failures: counter, at: 59) == .limited(retryAfter: 100))
        #expect(backoff.verdict(failures: counter, at: 60) == .allowed)
    }

    @Test func limitedVerdictWaitsAtLeastOneSecond() {
        #expect(RateLimitVerdict.limited(until: 100, now: 40) == .limited(retryAfter: 60))
        #expect(RateLimitVerdict.limited(until: 100, now: 100) == .limited(retryAfter: 1))
        #expect(RateLimitVerdict.limited(until: 100, now: 130) == .limited(retryAfter: 1))
    }

    @Test func keysHideTheirValues() {
        let keys = [
            RateLimitKey.tokenClient("app_course"), RateLimitKey.tokenAddress("192.0.2.1"),
            RateLimitKey.signInAddress("192.0.2.1"), RateLimitKey.signInFailures("Maria"),
            RateLimitKey.signInTurn("Maria"), RateLimitKey.authorizeAddress("192.0.2.1"),
        ]

        for key in keys {
            #expect(!key.contains("app_course"))
            #expect(!key.contains("192.0.2.1"))
            #expect(!key.lowercased().contains("maria"))
            #expect(key.split(separator: ":").last?.count == 64)
        }
        #expect(Set(keys).count == keys.count)
    }

    @Test func accountKeysIgnoreASCIICase() {
        #expect(RateLimitKey.signInFailures("Maria") == RateLimitKey.signInFailures("MARIA"))
        #expect(RateLimitKey.signInFailures("Maria") != RateLimitKey.signInFailures("Marie"))
        #expect(RateLimitKey.signInTurn("maria") == RateLimitKey.signInTurn("Maria"))
    }

    @Test func addressKeysDifferByLimit() {
        #expect(RateLimitKey.tokenAddress("192.0.2.1") != RateLimitKey.signInAddress("192.0.2.1"))
        #expect(RateLimitKey.tokenAddress("192.0.2.1") != RateLimitKey.tokenAddress("192.0.2.2"))
    }

    @Test func disabledSettingsHaveNoLimit() {
        let disabled = RateLimitSettings.disabled

        #expect(disabled.tokenPerClient == nil)
        #expect(disabled.tokenPerAddress == nil)
        #expect(disabled.signInPerAddress == nil)
        #expect(disabled.signInPerAccount == nil)
        #expect(disabled.authorizePerAddress == nil)
    }
}
