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

    /// The database location, `sqlite:PATH`. Default `sqlite:<dataDirectory>/doorman.sqlite3`.
    public var databaseURL = Configuration.defaultDatabaseURL(dataDirectory: "data")

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
