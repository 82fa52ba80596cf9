import DoormanHTTP
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
        let router = Routes.make(database: database, logger: logger, metrics: metrics)
        let server = HTTPServer(
            configuration: serverConfiguration, router: router, logger: logger,
            observer: metrics?.requestObserver(for: router))
        do {
            try server.start()
        } catch {
            try? database.close()
            throw error
        }

        let signal = signals.wait()
        logger.info("shutdown started", metadata: ["signal": "\(signal)"])
        server.shutdown()
        try database.close()
        logger.info("shutdown finished")
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
        return server
    }
}
