import Logging

extension ConfigurationOption {
    /// Every setting, in the order that help text lists them.
    public static let all: [ConfigurationOption] =
        [
            host, port, dataDirectory, databaseURL, databasePoolSize, databaseWaitSeconds, logLevel, logFormat,
            threads, maxHeaderBytes, maxBodyBytes, connectionTimeout, maxConnections, maxConnectionsPerIP,
            shutdownTimeout, metrics, publicURL, allowPlainPKCE, refreshGraceSeconds, refreshInactivitySeconds,
            cleanupIntervalSeconds, cleanupRetentionSeconds, tokenCacheSeconds, clientCacheSeconds,
        ] + rateLimitOptions

    /// The settings that commands touching only storage and logs, such as `migrate`, accept.
    public static let storageAndLogging: [ConfigurationOption] = [
        dataDirectory, databaseURL, databasePoolSize, databaseWaitSeconds, logLevel, logFormat,
    ]

    /// `--host`, the listening address.
    public static let host = ConfigurationOption(
        name: "host", valueName: "address", unit: nil,
        help: "IPv4 or IPv6 address that the HTTP server listens on. 0.0.0.0 or :: listens on every interface.",
        expected: "an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::1",
        defaultOverride: nil,
        parseAndStore: { value, configuration throws(RejectedValue) in
            configuration.host = try parseIPAddress(value)
        },
        describe: \.host
    )

    /// `--port`, the listening TCP port.
    public static let port = integer(
        "port", valueName: "port", unit: nil, range: 0...65535, field: \.port,
        help: "TCP port that the HTTP server listens on. 0 lets the system choose a free port."
    )

    /// `--data-dir`, the directory for the database and other files.
    public static let dataDirectory = ConfigurationOption(
        name: "data-dir", valueName: "path", unit: nil,
        help: "Directory for the database and other files, relative to the working directory unless absolute.",
        expected: "a directory path",
        defaultOverride: nil,
        parseAndStore: { value, configuration throws(RejectedValue) in
            configuration.dataDirectory = try parsePath(value)
        },
        describe: \.dataDirectory
    )

    /// `--database-url`, the database location.
    public static let databaseURL = ConfigurationOption(
        name: "database-url", valueName: "url", unit: nil,
        help: "Database location: sqlite:PATH for a file, relative to the working directory unless absolute, or "
            + "a postgres:// URL for a PostgreSQL server shared by several instances.",
        expected: "sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE",
        defaultOverride: "sqlite:<data-dir>/doorman.sqlite3",
        parseAndStore: { value, configuration throws(RejectedValue) in
            configuration.databaseURL = try parseDatabaseURL(value)
        },
        describe: { redactingPassword(in: $0.databaseURL) }
    )

    /// `--database-pool-size`, the number of database connections per process.
    public static let databasePoolSize = integer(
        "database-pool-size", valueName: "count", unit: nil, range: 0...1000, field: \.databasePoolSize,
        help: "Maximum number of open database connections of this process. 0 means the number of worker threads "
            + "plus 2.",
        defaultOverride: "0 (worker threads plus 2)"
    )

    /// `--database-wait-seconds`, how long start-up retries a PostgreSQL server that cannot be reached.
    public static let databaseWaitSeconds = integer(
        "database-wait-seconds", valueName: "seconds", unit: "seconds", range: 0...3600,
        field: \.databaseWaitSeconds,
        help: "Time that start-up keeps retrying a PostgreSQL server that cannot be reached, with growing pauses, "
            + "before it exits with the reason. 0 tries once. SQLite ignores it."
    )

    /// `--log-level`, the minimum level written to the log.
    public static let logLevel = ConfigurationOption(
        name: "log-level", valueName: "level", unit: nil,
        help: "Minimum level written to the log.",
        expected: "one of " + Logger.Level.allCases.map(\.rawValue).joined(separator: ", "),
        defaultOverride: nil,
        parseAndStore: { value, configuration throws(RejectedValue) in
            guard let level = Logger.Level(rawValue: value.lowercased()) else {
                throw RejectedValue()
            }
            configuration.logLevel = level
        },
        describe: \.logLevel.rawValue
    )

    /// `--log-format`, the layout of log lines.
    public static let logFormat = ConfigurationOption(
        name: "log-format", valueName: "format", unit: nil,
        help: "Layout of log lines on standard error: text for people, json for one JSON object per line.",
        expected: "one of " + Configuration.LogFormat.allCases.map(\.rawValue).joined(separator: ", "),
        defaultOverride: nil,
        parseAndStore: { value, configuration throws(RejectedValue) in
            guard let format = Configuration.LogFormat(rawValue: value.lowercased()) else {
                throw RejectedValue()
            }
            configuration.logFormat = format
        },
        describe: \.logFormat.rawValue
    )

    /// `--threads`, the number of worker threads.
    public static let threads = integer(
        "threads", valueName: "count", unit: nil, range: 1...256, field: \.threads,
        help: "Number of worker threads that serve requests.",
        defaultOverride: "number of active processors (\(Configuration.defaultThreadCount) here)"
    )

    /// `--max-header-bytes`, the buffer size for the request line and headers.
    public static let maxHeaderBytes = integer(
        "max-header-bytes", valueName: "bytes", unit: "bytes", range: 1024...1_048_576, field: \.maxHeaderBytes,
        help: "Maximum size of the request line and headers together."
    )

    /// `--max-body-bytes`, the largest accepted request body.
    public static let maxBodyBytes = integer(
        "max-body-bytes", valueName: "bytes", unit: "bytes", range: 1024...1_073_741_824, field: \.maxBodyBytes,
        help: "Maximum size of a request body."
    )

    /// `--connection-timeout`, the idle time after which a connection is closed.
    public static let connectionTimeout = integer(
        "connection-timeout", valueName: "seconds", unit: "seconds", range: 1...3600, field: \.connectionTimeout,
        help: "Time after which an idle or slow connection is closed."
    )

    /// `--max-connections`, the limit on open client connections.
    public static let maxConnections = integer(
        "max-connections", valueName: "count", unit: nil, range: 1...1_000_000, field: \.maxConnections,
        help: "Maximum number of open client connections."
    )

    /// `--max-connections-per-ip`, the limit on open connections from one address.
    public static let maxConnectionsPerIP = integer(
        "max-connections-per-ip", valueName: "count", unit: nil, range: 0...1_000_000, field: \.maxConnectionsPerIP,
        help: "Maximum number of open connections from one IP address, 0 for no limit."
    )

    /// `--shutdown-timeout`, the grace period for in-flight requests after SIGTERM.
    public static let shutdownTimeout = integer(
        "shutdown-timeout", valueName: "seconds", unit: "seconds", range: 0...3600, field: \.shutdownTimeout,
        help: "Time that in-flight requests may still run after SIGTERM before the server stops."
    )

    /// `--metrics`, whether `GET /metrics` is served.
    public static let metrics = ConfigurationOption(
        name: "metrics", valueName: "boolean", unit: nil,
        help: "Whether GET /metrics serves request, token and database pool metrics in the Prometheus text format.",
        expected: "true or false",
        defaultOverride: nil,
        parseAndStore: { value, configuration throws(RejectedValue) in
            switch value.lowercased() {
            case "true": configuration.metrics = true
            case "false": configuration.metrics = false
            default: throw RejectedValue()
            }
        },
        describe: { String($0.metrics) }
    )

    /// `--public-url`, the URL at which clients reach the server.
    public static let publicURL = ConfigurationOption(
        name: "public-url", valueName: "url", unit: nil,
        help: "URL at which clients and browsers reach the server: the OAuth issuer and the base of absolute URLs. "
            + "Set it when a proxy or TLS terminator sits in front; https also turns on Strict-Transport-Security.",
        expected: "an http or https origin, such as https://doorman.example",
        defaultOverride: "http://<host>:<port>",
        parseAndStore: { value, configuration throws(RejectedValue) in
            configuration.publicURL = try parsePublicURL(value)
        },
        describe: \.effectivePublicURL
    )

    /// `--token-cache-seconds`, how long an access token lookup is served from memory.
    public static let tokenCacheSeconds = integer(
        "token-cache-seconds", valueName: "seconds", unit: "seconds", range: 0...300, field: \.tokenCacheSeconds,
        help: "Time that an active access token is served from memory after a database read, 0 for no cache. "
            + "A revocation by another instance takes effect within this time."
    )

    /// `--client-cache-seconds`, how long a web app lookup by client id is served from memory.
    public static let clientCacheSeconds = integer(
        "client-cache-seconds", valueName: "seconds", unit: "seconds", range: 0...300, field: \.clientCacheSeconds,
        help: "Time that a web app read by client_id is served from memory, 0 for no cache. A client secret "
            + "replaced by another process takes effect within this time."
    )

    /// Creates an option for an integer field that accepts decimal values in `range`.
    static func integer(
        _ name: String,
        valueName: String,
        unit: String?,
        range: ClosedRange<Int>,
        field: WritableKeyPath<Configuration, Int> & Sendable,
        help: String,
        defaultOverride: String? = nil
    ) -> ConfigurationOption {
        ConfigurationOption(
            name: name, valueName: valueName, unit: unit, help: help,
            expected: "an integer from \(range.lowerBound) to \(range.upperBound)",
            defaultOverride: defaultOverride,
            parseAndStore: { value, configuration throws(RejectedValue) in
                guard let number = Int(value), range.contains(number) else {
                    throw RejectedValue()
                }
                configuration[keyPath: field] = number
            },
            describe: { String($0[keyPath: field]) }
        )
    }
}
