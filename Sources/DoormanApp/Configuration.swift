import DoormanHTTP
import DoormanOAuth
import DoormanPostgres
import Foundation
import Logging

/// The settings of a Doorman server, read from command-line flags, then `DOORMAN_*` environment
/// variables, then the defaults below.
///
/// `ConfigurationOption.all` lists the flag, variable, unit, default and accepted values of every
/// field. `Configuration()` contains the defaults.
public struct Configuration: Sendable, Equatable {
    /// A log line layout.
    public enum LogFormat: String, Sendable, CaseIterable {
        /// One human-readable line per record, metadata as sorted `key=value` pairs.
        case text

        /// One JSON object per line.
        case json
    }

    /// The IPv4 or IPv6 address that the HTTP server listens on. Default `127.0.0.1`.
    public var host = "127.0.0.1"

    /// The TCP port that the HTTP server listens on, from 0 to 65535, where 0 lets the kernel choose
    /// a free port. Default 8080.
    public var port = 8080

    /// The directory for the database and other files, relative to the working directory unless
    /// absolute. Default `data`.
    public var dataDirectory = "data"

    /// The database location, `sqlite:PATH` or a `postgres://` or `postgresql://` URL. Default
    /// `sqlite:<dataDirectory>/doorman.sqlite3`.
    public var databaseURL = Configuration.defaultDatabaseURL(dataDirectory: "data")

    /// The maximum number of open database connections, from 0 to 1000, where 0 means `threads` plus 2.
    /// Default 0.
    public var databasePoolSize = 0

    /// The time in seconds that start-up keeps retrying a PostgreSQL server that cannot be reached, from 0 to
    /// 3600, where 0 tries once. Default 10.
    public var databaseWaitSeconds = 10

    /// The minimum level written to the log. Default `info`.
    public var logLevel = Logger.Level.info

    /// The layout of log lines on standard error. Default `text`.
    public var logFormat = LogFormat.text

    /// The number of worker threads that serve requests, from 1 to 256. Default: the number of
    /// active processors.
    public var threads = Configuration.defaultThreadCount

    /// The maximum size in bytes of the request line and headers together, which must fit in one
    /// buffer. Default 16384.
    public var maxHeaderBytes = 16_384

    /// The maximum size in bytes of a request body. Default 1048576 (1 MiB).
    public var maxBodyBytes = 1_048_576

    /// The time in seconds after which an idle or slow connection is closed. Default 30.
    public var connectionTimeout = 30

    /// The maximum number of open client connections. Default 1024.
    public var maxConnections = 1024

    /// The maximum number of open connections from one IP address, 0 for no limit. Default 128.
    public var maxConnectionsPerIP = 128

    /// The time in seconds that in-flight requests may still run after SIGTERM. Default 10.
    public var shutdownTimeout = 10

    /// Whether `GET /metrics` serves Prometheus metrics and requests are counted. Default true.
    public var metrics = true

    /// The URL at which clients and browsers reach the server, such as `https://doorman.example`: an absolute
    /// `http` or `https` URL without path, query or fragment. Nil means `derivedPublicURL`. Default nil.
    public var publicURL: String?

    /// Whether the authorization endpoint accepts the PKCE method `plain`, which RFC 7636 section 7.2
    /// discourages. Default false: only `S256`.
    public var allowPlainPKCE = false

    /// The seconds after a refresh token's rotation during which presenting it again returns the same successor,
    /// from 0 (off) to 300. Default 5.
    public var refreshGraceSeconds = 5

    /// The seconds a refresh token stays valid after it was issued, so a family unused this long expires, from
    /// 60 to 31622400 (366 days). Default 2592000 (30 days).
    public var refreshInactivitySeconds = 2_592_000

    /// The seconds between two cleanup passes of `serve`, from 0 (no cleanup) to 604800. Default 3600.
    public var cleanupIntervalSeconds = 3_600

    /// The seconds a code or token is kept after it expired or was revoked, before a cleanup pass deletes it,
    /// from 0 to 31622400. Default 86400.
    public var cleanupRetentionSeconds = 86_400

    /// Whether rate limits apply at all. Default true.
    public var rateLimitsEnabled = true

    /// Token requests per client id, or nil for no limit. Default 600 per 60 seconds.
    public var tokenLimitPerClient = RateLimitSettings.standard.tokenPerClient

    /// Token requests per client address, or nil for no limit. Default 600 per 60 seconds.
    public var tokenLimitPerAddress = RateLimitSettings.standard.tokenPerAddress

    /// Sign-in attempts per client address, or nil for no limit. Default 30 per 300 seconds.
    public var signInLimitPerAddress = RateLimitSettings.standard.signInPerAddress

    /// Failed sign-ins to one account in a window before delays start, or nil for no delays. Default 5 per
    /// 86400 seconds.
    public var signInFailureLimit: RateLimit? = RateLimit(
        limit: SignInBackoff.standard.threshold, window: SignInBackoff.standard.window)

    /// The first delay in seconds after the failure limit is reached. Default 1.
    public var signInDelay = Int(SignInBackoff.standard.initialDelay)

    /// The maximum delay in seconds between sign-in attempts to one account. Default 900.
    public var signInMaxDelay = Int(SignInBackoff.standard.maximumDelay)

    /// Authorization requests per client address, or nil for no limit. Default 300 per 60 seconds.
    public var authorizeLimitPerAddress = RateLimitSettings.standard.authorizePerAddress

    /// Hits an instance takes from a shared counter at once. Default 20.
    public var rateLimitLease = RateLimitSettings.standard.leaseSize

    /// Reverse proxies whose `X-Forwarded-For` names the client. Default none.
    public var trustedProxies: [IPAddressRange] = []

    /// The time in seconds that an active access token and its user are served from memory after being read
    /// from the database, 0 for no cache. A revocation by another instance takes effect here within this time.
    /// Default 5.
    public var tokenCacheSeconds = 5

    /// The time in seconds that a web app read by `client_id` is served from memory, 0 for no cache. A client
    /// secret replaced by another process, such as `doorman webapp rotate-secret`, takes effect within this time.
    /// Default 5.
    public var clientCacheSeconds = 5

    /// Creates a configuration with every default.
    public init() {}

    /// The SQLite file path of `databaseURL`, or `nil` when it does not start with `sqlite:`.
    public var sqlitePath: String? {
        guard databaseURL.hasPrefix(Configuration.sqliteScheme) else {
            return nil
        }
        return String(databaseURL.dropFirst(Configuration.sqliteScheme.count))
    }

    /// Whether `databaseURL` names a PostgreSQL server.
    public var isPostgres: Bool {
        PostgresURL.isPostgresURL(databaseURL)
    }

    /// The pool size that the database opens with: `databasePoolSize`, or `threads` plus 2 when it is 0, so that
    /// every worker thread finds a free connection.
    public var effectiveDatabasePoolSize: Int {
        databasePoolSize > 0 ? databasePoolSize : threads + 2
    }

    /// Creates a handler factory for `LoggingSystem.bootstrap` that writes `logFormat` lines to
    /// standard error at `logLevel`.
    public var logHandlerFactory: @Sendable (String) -> any LogHandler {
        let format: StreamLogHandler.Format =
            switch logFormat {
            case .text: .text
            case .json: .json
            }
        let level = logLevel
        return { label in
            var handler = StreamLogHandler.standardError(label: label, format: format)
            handler.logLevel = level
            return handler
        }
    }

    /// `publicURL`, or `http://HOST:PORT` from `host` and `port` when it is not set, with an IPv6 host in
    /// brackets. Port 0 stays 0 here; `doorman serve` puts in the port the system chose.
    public var effectivePublicURL: String {
        publicURL ?? Configuration.derivedPublicURL(host: host, port: port)
    }

    /// Returns `http://HOST:PORT`, with an IPv6 `host` in brackets.
    public static func derivedPublicURL(host: String, port: Int) -> String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "http://\(hostPart):\(port)"
    }

    /// The rate limits these settings choose: `RateLimitSettings.disabled` when `rateLimitsEnabled` is false.
    ///
    /// `load` rejects a `signInMaxDelay` below `signInDelay`; a configuration built in code that has one gets the
    /// larger value as its cap.
    public var rateLimitSettings: RateLimitSettings {
        guard rateLimitsEnabled else {
            return .disabled
        }
        let backoff = signInFailureLimit.map { limit in
            SignInBackoff(
                threshold: limit.limit, window: limit.window, initialDelay: Int64(signInDelay),
                maximumDelay: Int64(max(signInMaxDelay, signInDelay)))
        }
        return RateLimitSettings(
            tokenPerClient: tokenLimitPerClient, tokenPerAddress: tokenLimitPerAddress,
            signInPerAddress: signInLimitPerAddress, signInPerAccount: backoff,
            authorizePerAddress: authorizeLimitPerAddress, leaseSize: rateLimitLease)
    }

    static let sqliteScheme = "sqlite:"

    /// Returns the database URL used when none is set: `doorman.sqlite3` inside the data directory.
    static func defaultDatabaseURL(dataDirectory: String) -> String {
        let directory = dataDirectory.hasSuffix("/") ? String(dataDirectory.dropLast()) : dataDirectory
        return sqliteScheme + directory + "/doorman.sqlite3"
    }

    /// The number of active processors, kept within the 1...256 range that `threads` accepts.
    static var defaultThreadCount: Int {
        min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 256)
    }
}
