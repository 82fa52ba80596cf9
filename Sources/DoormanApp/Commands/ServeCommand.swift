import DoormanHTTP
import DoormanStorage
import DoormanWeb
import Foundation
import Logging
import Metrics

/// `doorman serve`: opens the database, starts the HTTP server and runs until SIGTERM or SIGINT.
struct ServeCommand {
    let configuration: Configuration

    func run() throws {
        let logger = Logger(label: "doorman")
        let signals = SignalWaiter()
        let database = try DatabaseSetup.open(configuration, logger: logger)
        let metrics = configuration.metrics ? ServerMetrics(database: database) : nil
        if let metrics {
            MetricsSystem.bootstrap(metrics.factory)
        }
        let publicURL = PublicBaseURL(configuration.effectivePublicURL)
        let cache = StoreCacheSettings(
            tokenLifetimeSeconds: configuration.tokenCacheSeconds,
            clientLifetimeSeconds: configuration.clientCacheSeconds)
        let router = Routes.make(
            database: database, cache: cache, settings: configuration.oauthSettings, logger: logger,
            metrics: metrics, publicURL: publicURL)
        let server = HTTPServer(
            configuration: serverConfiguration, router: router, logger: logger,
            observer: metrics?.requestObserver(for: router))
        do {
            try server.start()
        } catch {
            try? database.close()
            throw error
        }
        // NOTE: a request that arrives between start() and this line gets port 0 in the derived URL. Only a server
        // started on port 0 without --public-url, as tests start it, derives the URL here.
        if configuration.publicURL == nil, configuration.port == 0, let port = server.port {
            publicURL.value = Configuration.derivedPublicURL(host: configuration.host, port: port)
        }
        logger.info("public URL set", metadata: ["http.public_url": "\(publicURL.value)"])
        let cleanup = makeCleanupSchedule(database: database, logger: logger)
        cleanup?.start()

        let signal = signals.wait()
        logger.info("shutdown started", metadata: ["signal": "\(signal)"])
        server.shutdown()
        cleanup?.stop()
        try database.close()
        logger.info("shutdown finished")
    }

    /// Returns the schedule of cleanup passes, or nil when `--cleanup-interval-seconds` is 0.
    func makeCleanupSchedule(database: OpenedDatabase, logger: Logger) -> CleanupSchedule? {
        guard configuration.cleanupIntervalSeconds > 0 else {
            return nil
        }
        let steps = Janitor.standardSteps(store: database.store, policy: configuration.cleanupPolicy)
        return CleanupSchedule(
            janitor: Janitor(steps: steps), intervalSeconds: configuration.cleanupIntervalSeconds,
            now: { Int64(Date().timeIntervalSince1970) }, logger: logger)
    }

    var serverConfiguration: HTTPServerConfiguration {
        var server = HTTPServerConfiguration()
        server.host = configuration.host
        server.port = configuration.port
        server.threads = configuration.threads
        server.maxHeaderBytes = configuration.maxHeaderBytes
        server.maxBodyBytes = configuration.maxBodyBytes
        server.connectionTimeout = configuration.connectionTimeout
        server.maxConnections = configuration.maxConnections
        server.maxConnectionsPerIP = configuration.maxConnectionsPerIP
        server.shutdownTimeout = .seconds(configuration.shutdownTimeout)
        server.trustedProxies = configuration.trustedProxies
        return server
    }
}
