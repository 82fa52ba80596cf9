import DoormanHTTP
import DoormanStorage
import Foundation
import Logging

/// `doorman serve`: opens the database, starts the HTTP server and runs until SIGTERM or SIGINT.
struct ServeCommand {
    let configuration: Configuration

    func run() throws {
        let logger = Logger(label: "doorman")
        let signals = SignalWaiter()
        let database = try DatabaseSetup.openAndMigrate(configuration, logger: logger)
        let router = Routes.make(database: database, settings: configuration.oauthSettings, logger: logger)
        let server = HTTPServer(configuration: serverConfiguration, router: router, logger: logger)
        do {
            try server.start()
        } catch {
            try? database.close()
            throw error
        }
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
    func makeCleanupSchedule(database: SQLiteDatabase, logger: Logger) -> CleanupSchedule? {
        guard configuration.cleanupIntervalSeconds > 0 else {
            return nil
        }
        let steps = Janitor.standardSteps(store: SQLiteStore(database: database), policy: configuration.cleanupPolicy)
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
        return server
    }
}
