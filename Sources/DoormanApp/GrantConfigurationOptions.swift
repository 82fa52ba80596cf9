import DoormanOAuth
import DoormanWeb

extension ConfigurationOption {
    /// `--allow-plain-pkce`, whether the PKCE method `plain` is accepted.
    public static let allowPlainPKCE = ConfigurationOption(
        name: "allow-plain-pkce", valueName: "bool", unit: nil,
        help: "Accept the PKCE method plain at the authorization endpoint. RFC 7636 discourages it; S256 is always "
            + "accepted.",
        expected: "true or false",
        defaultOverride: nil,
        parseAndStore: { value, configuration throws(RejectedValue) in
            guard let allow = Bool(value) else {
                throw RejectedValue()
            }
            configuration.allowPlainPKCE = allow
        },
        describe: { String($0.allowPlainPKCE) }
    )

    /// `--refresh-grace-seconds`, how long a rotated refresh token still receives its successor.
    public static let refreshGraceSeconds = integer(
        "refresh-grace-seconds", valueName: "seconds", unit: "seconds", range: 0...300, field: \.refreshGraceSeconds,
        help: "Time after a refresh token's rotation during which it returns the same new tokens again, so that "
            + "parallel or retried requests do not revoke the grant. 0 turns this off."
    )

    /// `--refresh-inactivity-seconds`, how long an unused refresh token stays valid.
    public static let refreshInactivitySeconds = integer(
        "refresh-inactivity-seconds", valueName: "seconds", unit: "seconds", range: 60...31_622_400,
        field: \.refreshInactivitySeconds,
        help: "Lifetime of each refresh token from its issue, so a grant not refreshed for this long expires."
    )

    /// `--cleanup-interval-seconds`, the time between two cleanup passes of `serve`.
    public static let cleanupIntervalSeconds = integer(
        "cleanup-interval-seconds", valueName: "seconds", unit: "seconds", range: 0...604_800,
        field: \.cleanupIntervalSeconds,
        help: "Time between two passes that delete expired codes, tokens and sessions. 0 turns the passes off."
    )

    /// `--cleanup-retention-seconds`, how long dead codes and tokens are kept.
    public static let cleanupRetentionSeconds = integer(
        "cleanup-retention-seconds", valueName: "seconds", unit: "seconds", range: 0...31_622_400,
        field: \.cleanupRetentionSeconds,
        help: "Time a code or token is kept after it expired or was revoked before a cleanup pass deletes it."
    )
}

extension Configuration {
    /// The settings of the OAuth endpoints and pages that this configuration selects.
    public var oauthSettings: OAuthSettings {
        var settings = OAuthSettings()
        settings.allowPlainPKCE = allowPlainPKCE
        settings.refreshGraceSeconds = Int64(refreshGraceSeconds)
        settings.rateLimits = rateLimitSettings
        // Browsers reach an https public URL over TLS, so cookies may require it (RFC 6265 section 4.1.2.5).
        settings.secureCookies = effectivePublicURL.hasPrefix("https://")
        let standard = Lifetimes.standard
        if let lifetimes = Lifetimes(
            authorizationCode: standard.authorizationCode, accessToken: standard.accessToken,
            refreshToken: Int64(refreshInactivitySeconds))
        {
            settings.lifetimes = lifetimes
        }
        return settings
    }

    /// The cleanup policy that this configuration selects.
    public var cleanupPolicy: CleanupPolicy {
        CleanupPolicy(
            retentionSeconds: Int64(cleanupRetentionSeconds), batchSize: CleanupPolicy.standard.batchSize)
    }
}
