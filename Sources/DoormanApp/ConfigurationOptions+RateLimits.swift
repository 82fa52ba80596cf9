import DoormanHTTP
import DoormanOAuth

extension ConfigurationOption {
    /// The rate-limit and client-address settings, in the order that help text lists them.
    static let rateLimitOptions: [ConfigurationOption] = [
        rateLimits, tokenLimitPerClient, tokenLimitPerAddress, signInLimitPerAddress, signInFailureLimit,
        signInDelay, signInMaxDelay, authorizeLimitPerAddress, rateLimitLease, trustedProxy,
    ]

    /// `--rate-limits`, the switch for every rate limit at once.
    public static let rateLimits = ConfigurationOption(
        name: "rate-limits", valueName: "on|off", unit: nil,
        help: "Whether rate limits apply. off turns every limit off, whatever its own setting.",
        expected: "on or off",
        defaultOverride: nil,
        parseAndStore: { value, configuration throws(RejectedValue) in
            switch value.lowercased() {
            case "on": configuration.rateLimitsEnabled = true
            case "off": configuration.rateLimitsEnabled = false
            default: throw RejectedValue()
            }
        },
        describe: { $0.rateLimitsEnabled ? "on" : "off" }
    )

    /// `--token-limit-per-client`, token, revocation and introspection requests per client id.
    public static let tokenLimitPerClient = limit(
        "token-limit-per-client", field: \.tokenLimitPerClient,
        help: "Token, revocation and introspection requests allowed together per client_id in a window of "
            + "SECONDS, counted before the client is authenticated; off for no limit.")

    /// `--token-limit-per-address`, token, revocation and introspection requests per client address.
    public static let tokenLimitPerAddress = limit(
        "token-limit-per-address", field: \.tokenLimitPerAddress,
        help: "Token, revocation and introspection requests allowed together per client address (an IPv6 /64 "
            + "counts as one) in a window of SECONDS; off for no limit.")

    /// `--sign-in-limit-per-address`, sign-in attempts per client address.
    public static let signInLimitPerAddress = limit(
        "sign-in-limit-per-address", field: \.signInLimitPerAddress,
        help: "Sign-in attempts allowed per client address in a window of SECONDS; off for no limit.")

    /// `--sign-in-failure-limit`, failed sign-ins to one account before delays start.
    public static let signInFailureLimit = limit(
        "sign-in-failure-limit", field: \.signInFailureLimit,
        help: "Failed sign-ins to one account, counted in a window of SECONDS from the first, after which each "
            + "further attempt waits --sign-in-delay, doubled per failure; off for no delays.")

    /// `--sign-in-delay`, the first delay after the failure limit is reached.
    public static let signInDelay = integer(
        "sign-in-delay", valueName: "seconds", unit: "seconds", range: 1...86_400, field: \.signInDelay,
        help: "Wait after the failed sign-in that reaches --sign-in-failure-limit; each further failure doubles it.")

    /// `--sign-in-max-delay`, the cap of the doubling delay.
    public static let signInMaxDelay = integer(
        "sign-in-max-delay", valueName: "seconds", unit: "seconds", range: 1...86_400, field: \.signInMaxDelay,
        help: "Maximum wait between sign-in attempts to one account; at least --sign-in-delay.")

    /// `--authorize-limit-per-address`, authorization requests per client address.
    public static let authorizeLimitPerAddress = limit(
        "authorize-limit-per-address", field: \.authorizeLimitPerAddress,
        help: "Requests to the authorization endpoint and consent form allowed per client address in a window of "
            + "SECONDS; off for no limit.")

    /// `--rate-limit-lease`, the hits an instance takes from a shared counter at once.
    public static let rateLimitLease = integer(
        "rate-limit-lease", valueName: "count", unit: nil, range: 1...1000, field: \.rateLimitLease,
        help: "Hits an instance takes from a shared counter at once and then counts in memory, at most a tenth "
            + "of the limit; with N instances a client may be limited up to (N-1)*(count-1) hits early.")

    /// `--trusted-proxy`, the reverse proxies whose `X-Forwarded-For` is read.
    public static let trustedProxy = ConfigurationOption(
        name: "trusted-proxy", valueName: "ranges", unit: nil,
        help: "Comma-separated addresses or CIDR ranges of reverse proxies. Only a request from one of them has its "
            + "client address taken from X-Forwarded-For (the right-most address not in these ranges).",
        expected: "IP addresses or CIDR ranges, comma-separated, or none",
        defaultOverride: nil,
        parseAndStore: { value, configuration throws(RejectedValue) in
            configuration.trustedProxies = try parseAddressRanges(value)
        },
        describe: { $0.trustedProxies.isEmpty ? "none" : $0.trustedProxies.map(\.description).joined(separator: ",") }
    )

    /// Creates an option for a `COUNT/SECONDS` limit that `off` turns off.
    private static func limit(
        _ name: String, field: WritableKeyPath<Configuration, RateLimit?> & Sendable, help: String
    ) -> ConfigurationOption {
        ConfigurationOption(
            name: name, valueName: "COUNT/SECONDS", unit: nil, help: help,
            expected: "COUNT/SECONDS such as 600/60 (each from 1 to 1000000000), or off",
            defaultOverride: nil,
            parseAndStore: { value, configuration throws(RejectedValue) in
                if value.lowercased() == "off" {
                    configuration[keyPath: field] = nil
                    return
                }
                guard let limit = RateLimit.parse(value) else {
                    throw RejectedValue()
                }
                configuration[keyPath: field] = limit
            },
            describe: { $0[keyPath: field]?.description ?? "off" }
        )
    }
}

/// Returns the ranges of a comma-separated list such as `10.0.0.0/8, ::1`, or none for `none` or an empty value.
func parseAddressRanges(_ value: String) throws(RejectedValue) -> [IPAddressRange] {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, trimmed.lowercased() != "none" else {
        return []
    }

    var ranges: [IPAddressRange] = []
    for entry in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
        let text = entry.trimmingCharacters(in: .whitespaces)
        guard let range = IPAddressRange(text) else {
            throw RejectedValue(
                reason: "\(text.debugDescription) is not an IP address or CIDR range; expected a comma-separated "
                    + "list such as 10.0.0.0/8,::1, or none")
        }
        ranges.append(range)
    }
    return ranges
}
