import DemoWebApp
import Foundation
import Testing

/// `doorman-demo-webapp`'s options and `DEMO_*` environment variables.
struct DemoCommandLineTests {
    private static let required = ["--client-id", "app_x", "--product", "prod_demo"]

    private func configuration(
        _ arguments: [String], environment: [String: String] = [:]
    ) throws -> DemoConfiguration {
        let command = try DemoCommandLine.parse(arguments: arguments, environment: environment)
        guard case .serve(let configuration) = command else {
            throw UnexpectedCommand(command: command)
        }
        return configuration
    }

    @Test func defaultsPointAtLocalDoorman() throws {
        let parsed = try configuration(Self.required)

        #expect(parsed.host == "127.0.0.1")
        #expect(parsed.port == 8081)
        #expect(parsed.publicURL.absoluteString == "http://127.0.0.1:8081")
        #expect(parsed.doormanURL.absoluteString == "http://127.0.0.1:8080")
        #expect(parsed.redirectURI == "http://127.0.0.1:8081/callback/whop")
        #expect(parsed.clientSecret == nil)
        #expect(parsed.logLevel == .info)
    }

    @Test func environmentFillsOptions() throws {
        let environment = [
            "DEMO_CLIENT_ID": "app_env", "DEMO_PRODUCT": "prod_env", "DEMO_CLIENT_SECRET": "secret",
            "DEMO_WEBAPP_PORT": "9000", "DEMO_DOORMAN_URL": "http://127.0.0.1:9001/",
        ]

        let parsed = try configuration([], environment: environment)

        #expect(parsed.clientID == "app_env")
        #expect(parsed.productID == "prod_env")
        #expect(parsed.clientSecret == "secret")
        #expect(parsed.port == 9000)
        #expect(parsed.doormanURL.absoluteString == "http://127.0.0.1:9001")
        #expect(parsed.redirectURI == "http://127.0.0.1:9000/callback/whop")
    }

    @Test func optionWinsOverEnvironment() throws {
        let parsed = try configuration(
            Self.required + ["--port=9100"], environment: ["DEMO_CLIENT_ID": "app_env", "DEMO_WEBAPP_PORT": "9000"])

        #expect(parsed.clientID == "app_x")
        #expect(parsed.port == 9100)
    }

    @Test func publicURLSetsTheCallback() throws {
        let parsed = try configuration(Self.required + ["--port", "0", "--public-url", "https://course.example/"])

        #expect(parsed.redirectURI == "https://course.example/callback/whop")
    }

    @Test func helpIsRecognized() throws {
        #expect(try DemoCommandLine.parse(arguments: ["--help"], environment: [:]) == .help)
        #expect(DemoCommandLine.helpText.contains("--client-secret (DEMO_CLIENT_SECRET)"))
    }

    /// Command lines that must fail, with a piece of the message each must fail with.
    static let invalidCommandLines: [(arguments: [String], message: String)] = [
        ([], "missing --client-id"),
        (["--client-id", "app_x"], "missing --product"),
        (required + ["--port", "70000"], "invalid --port 70000"),
        (required + ["--port", "0"], "--port 0 needs --public-url"),
        (required + ["--product", "prod_x"], "given twice"),
        (["--client-id", "app_x", "--product", "course"], "invalid --product course"),
        (["--client-id", "app_x", "--product", "prod_a/b"], "invalid --product prod_a/b"),
        (required + ["--public-url", "http://127.0.0.1:8081/app"], "invalid --public-url"),
        (required + ["--doorman-url", "ftp://127.0.0.1"], "invalid --doorman-url"),
        (required + ["--doorman-url", "http://127.0.0.1:8080/?x=1"], "invalid --doorman-url"),
        (required + ["--log-level", "loud"], "invalid --log-level loud"),
        (required + ["--colour", "red"], "unknown option --colour"),
        (required + ["serve"], "unexpected argument serve"),
        (required + ["--port"], "option --port needs a value"),
    ]

    @Test(arguments: invalidCommandLines)
    func invalidCommandLineIsRejected(arguments: [String], message: String) throws {
        let error = #expect(throws: DemoConfigurationError.self) {
            try DemoCommandLine.parse(arguments: arguments, environment: [:])
        }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
}

/// A command other than `.serve` where a test needed one.
struct UnexpectedCommand: Error {
    let command: DemoCommand
}
