import DoormanHTTP
import Foundation
import Logging

/// The `doorman-demo-webapp` program: parses the options, serves until SIGTERM or SIGINT, then stops cleanly.
public enum DemoMain {
    /// Runs the program and returns its exit status: 0 after a clean stop or `--help`, 1 when the server cannot
    /// start, 2 for invalid options.
    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let command: DemoCommand
        do {
            command = try DemoCommandLine.parse(arguments: arguments, environment: environment)
        } catch {
            printError("doorman-demo-webapp: \(error)")
            return 2
        }

        switch command {
        case .help:
            print(DemoCommandLine.helpText)
            return 0
        case .serve(let configuration):
            return serve(configuration)
        }
    }

    private static func serve(_ configuration: DemoConfiguration) -> Int32 {
        var logger = Logger(label: "doorman-demo-webapp")
        logger.logLevel = configuration.logLevel
        let signals = SignalWaiter()

        let app = DemoWebApp(configuration: configuration, logger: logger)
        let server = HTTPServer(
            configuration: serverConfiguration(configuration), router: app.makeRouter(), logger: logger)
        do {
            try server.start()
        } catch {
            printError("doorman-demo-webapp: \(error)")
            return 1
        }
        logger.info(
            "demo web app started",
            metadata: [
                "public_url": "\(configuration.publicURL.absoluteString)",
                "doorman_url": "\(configuration.doormanURL.absoluteString)",
                "oauth.client_id": "\(configuration.clientID)", "product.id": "\(configuration.productID)",
            ])

        let signal = signals.wait()
        logger.info("shutdown started", metadata: ["signal": "\(signal)"])
        server.shutdown()
        logger.info("shutdown finished")
        return 0
    }

    private static func serverConfiguration(_ configuration: DemoConfiguration) -> HTTPServerConfiguration {
        var server = HTTPServerConfiguration()
        server.host = configuration.host
        server.port = configuration.port
        // In-flight requests get 5 s to finish. A sign-in cut off by the stop can simply be started again.
        server.shutdownTimeout = .seconds(5)
        return server
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
