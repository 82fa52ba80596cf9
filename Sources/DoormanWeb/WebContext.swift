import DoormanCrypto
import DoormanOAuth
import Logging

/// Settings of the OAuth endpoints and pages that the operator chooses.
public struct OAuthSettings: Sendable {
    /// Lifetimes of codes and tokens. Default: code 600 s, access token 7200 s, refresh token 30 days.
    public var lifetimes: Lifetimes = .standard
    /// Whether the PKCE method `plain` is accepted at the authorize endpoint. Default false: only `S256`.
    public var allowPlainPKCE = false
    /// Whether cookies get the `Secure` attribute, which a server behind TLS needs. Default false.
    public var secureCookies = false
    /// Lifetime of a browser session in seconds. Default 7 days.
    public var sessionLifetime: Int64 = 7 * 86_400
    /// Seconds after a refresh token's rotation during which presenting it again returns the same successor
    /// instead of revoking its family. Default 5; 0 turns the grace window off.
    public var refreshGraceSeconds: Int64 = 5

    /// Rate limits of the token endpoint, sign-in and the authorization endpoint. Default
    /// `RateLimitSettings.standard`.
    public var rateLimits: RateLimitSettings = .standard

    /// Creates settings with the defaults above.
    public init() {}
}

/// The dependencies of every endpoint and page: the store, the clock, randomness, settings, a logger and the
/// public URL.
///
/// Clock and randomness are injected so that tests of expiry and rotation need no sleeps.
public struct WebContext: Sendable {
    /// The store of users, products, memberships, web apps, grants and sessions.
    public let store: any DoormanStore
    /// The current time in Unix seconds.
    public let now: @Sendable () -> Int64
    /// The source of codes, tokens, secrets and identifiers.
    public let random: any RandomSource
    /// The operator's settings.
    public let settings: OAuthSettings
    /// The logger for audit events and failures.
    public let logger: Logger
    /// The counters of the token endpoint.
    public let metrics: OAuthMetrics
    /// The URL at which clients reach this server, for the metadata and absolute URLs in responses.
    public let publicURL: PublicBaseURL
    /// The in-process side of the rate limits, shared by every copy of this context.
    let rateLimiter: RateLimiter

    /// The public URL of a context created without one: the default listening address.
    public static let defaultPublicURL = "http://127.0.0.1:8080"

    /// Creates a context. `metrics` defaults to counters from the factory that `MetricsSystem` holds.
    public init(
        store: any DoormanStore, now: @escaping @Sendable () -> Int64, random: any RandomSource = SodiumRandomSource(),
        settings: OAuthSettings = OAuthSettings(), logger: Logger, metrics: OAuthMetrics = OAuthMetrics(),
        publicURL: PublicBaseURL = PublicBaseURL(WebContext.defaultPublicURL)
    ) {
        self.store = store
        self.now = now
        self.random = random
        self.settings = settings
        self.logger = logger
        self.metrics = metrics
        self.publicURL = publicURL
        rateLimiter = RateLimiter(store: store, leaseSize: settings.rateLimits.leaseSize, logger: logger)
    }

    /// A token issuer with this context's lifetimes and randomness.
    public var issuer: TokenIssuer {
        TokenIssuer(lifetimes: settings.lifetimes, random: random)
    }
}
