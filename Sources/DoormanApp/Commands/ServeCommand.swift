import DoormanHTTP
import DoormanStorage
import Logging

/// `doorman serve`: opens the database, starts the HTTP server and runs until SIGTERM or SIGINT.
struct ServeCommand {
    let configuration: Configuration

    func run() throws {
        let logger = Logger(label: "doorman")
        let signals = SignalWaiter()
        let database = try DatabaseSetup.openAndMigrate(configuration, logger: logger)
        let cache = StoreCacheSettings(
            tokenLifetimeSeconds: configuration.tokenCacheSeconds,
            clientLifetimeSeconds: configuration.clientCacheSeconds)
        let router = Routes.make(database: database, cache: cache, logger: logger)
        let server = HTTPServer(configuration: serverConfiguration, router: router, logger: logger)
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
