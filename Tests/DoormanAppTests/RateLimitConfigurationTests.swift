import DoormanOAuth
import Testing

@testable import DoormanApp

@Suite struct RateLimitConfigurationTests {
    @Test func defaultsAreStandardLimits() throws {
        let configuration = try Configuration.load(arguments: [], environment: [:])

        #expect(configuration.rateLimitSettings == .standard)
        #expect(configuration.trustedProxies.isEmpty)
    }

    @Test func switchTurnsEveryLimitOff() throws {
        let configuration = try Configuration.load(
            arguments: ["--rate-limits", "off", "--token-limit-per-client", "5/10"], environment: [:])

        #expect(configuration.rateLimitSettings == .disabled)
    }

    @Test func settingsFollowOptions() throws {
        let configuration = try Configuration.load(
            arguments: [
                "--token-limit-per-client=5/10", "--token-limit-per-address=off", "--sign-in-failure-limit=3/600",
                "--sign-in-delay=2", "--sign-in-max-delay=16", "--rate-limit-lease=1",
            ],
            environment: ["DOORMAN_AUTHORIZE_LIMIT_PER_ADDRESS": "off"])
        let settings = configuration.rateLimitSettings

        #expect(settings.tokenPerClient == RateLimit(limit: 5, window: 10))
        #expect(settings.tokenPerAddress == nil)
        #expect(settings.signInPerAddress == RateLimitSettings.standard.signInPerAddress)
        let backoff = SignInBackoff(threshold: 3, window: 600, initialDelay: 2, maximumDelay: 16)
        #expect(settings.signInPerAccount == backoff)
        #expect(settings.authorizePerAddress == nil)
        #expect(settings.leaseSize == 1)
    }

    @Test func failureLimitOffTurnsDelaysOff() throws {
        let configuration = try Configuration.load(arguments: ["--sign-in-failure-limit", "off"], environment: [:])

        #expect(configuration.rateLimitSettings.signInPerAccount == nil)
    }

    @Test func maximumDelayBelowFirstDelayIsRejected() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["--sign-in-delay=60", "--sign-in-max-delay=30"], environment: [:])
        }

        #expect(
            error?.description
                == "invalid value \"30\" for --sign-in-max-delay (DOORMAN_SIGN_IN_MAX_DELAY): expected at least the "
                + "60 seconds of --sign-in-delay; raise it or lower --sign-in-delay")
    }
}
