import Foundation

/// Settings of a `PostgresDatabase`: where the server is, and how the pool and its retries behave.
public struct PostgresConfiguration: Sendable, Equatable {
    /// A `postgres://` or `postgresql://` URL in libpq's format, which may carry a password.
    public var url: String
    /// Maximum number of open connections, at least 1.
    public var poolSize: Int
    /// Maximum time that a caller waits for a free connection before the pool throws `poolExhausted`.
    public var checkoutTimeout: Duration
    /// Maximum time in seconds for one connection attempt, passed to libpq as `connect_timeout`.
    public var connectTimeout: Int
    /// Maximum number of runs of one transaction or read, the first included, when the previous run failed
    /// with a serialization failure, a deadlock or a lost connection that makes a new run safe.
    public var maximumAttempts: Int

    /// Creates a configuration. The pool defaults to two connections per processor plus two.
    public init(
        url: String, poolSize: Int = PostgresConfiguration.defaultPoolSize,
        checkoutTimeout: Duration = .seconds(5), connectTimeout: Int = 5, maximumAttempts: Int = 4
    ) {
        precondition(poolSize >= 1, "poolSize must be at least 1, got \(poolSize)")
        precondition(maximumAttempts >= 1, "maximumAttempts must be at least 1, got \(maximumAttempts)")
        self.url = url
        self.poolSize = poolSize
        self.checkoutTimeout = checkoutTimeout
        self.connectTimeout = connectTimeout
        self.maximumAttempts = maximumAttempts
    }

    /// Two connections per active processor plus two, so that every worker thread of the HTTP server, one per
    /// processor by default, finds a free connection.
    public static var defaultPoolSize: Int {
        2 * max(ProcessInfo.processInfo.activeProcessorCount, 1) + 2
    }
}
