import Foundation
import Logging

extension DemoCommandLine {
    /// Builds and checks the configuration from option values keyed by flag name.
    static func makeConfiguration(_ values: [String: String]) throws(DemoConfigurationError) -> DemoConfiguration {
        let host = values["host"] ?? "127.0.0.1"
        guard !host.isEmpty else {
            throw DemoConfigurationError("invalid --host: expected an address such as 127.0.0.1")
        }
        let port = try parsePort(values["port"] ?? "8081")

        let publicURL = try values["public-url"].map { text throws(DemoConfigurationError) in
            try parseBaseURL(text, option: "public-url", allowsPath: false)
        }
        if port == 0 && publicURL == nil {
            throw DemoConfigurationError(
                "--port 0 needs --public-url, because the callback URL must be known before the system picks a port")
        }
        let doormanURL = try parseBaseURL(
            values["doorman-url"] ?? "http://127.0.0.1:8080", option: "doorman-url", allowsPath: true)

        return DemoConfiguration(
            host: host, port: port, publicURL: publicURL, doormanURL: doormanURL,
            clientID: try parseClientID(values["client-id"]), clientSecret: values["client-secret"],
            productID: try parseProductID(values["product"]), logLevel: try parseLogLevel(values["log-level"]))
    }

    static func parsePort(_ text: String) throws(DemoConfigurationError) -> Int {
        guard let port = Int(text), (0...65535).contains(port) else {
            throw DemoConfigurationError("invalid --port \(text): expected a number from 0 to 65535")
        }
        return port
    }

    /// Parses an `http` or `https` URL with a host and no query or fragment, and drops a trailing `/`.
    static func parseBaseURL(
        _ text: String, option: String, allowsPath: Bool
    ) throws(DemoConfigurationError) -> URL {
        var trimmed = text
        while trimmed.hasSuffix("/") {
            trimmed.removeLast()
        }

        let expected = allowsPath ? "such as http://127.0.0.1:8080" : "without a path, such as http://127.0.0.1:8081"
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", components.host?.isEmpty == false,
            components.query == nil, components.fragment == nil, components.user == nil,
            allowsPath || components.path.isEmpty, let url = components.url
        else {
            throw DemoConfigurationError("invalid --\(option) \(text): expected an http or https URL \(expected)")
        }
        return url
    }

    static func parseClientID(_ value: String?) throws(DemoConfigurationError) -> String {
        guard let value, !value.isEmpty else {
            throw DemoConfigurationError(
                "missing --client-id (or DEMO_CLIENT_ID): give the client id that `doorman webapp create` printed")
        }
        return value
    }

    /// Accepts `prod_` followed by letters, digits, `_` and `-`, the form of Doorman's and Whop's product ids.
    static func parseProductID(_ value: String?) throws(DemoConfigurationError) -> String {
        guard let value else {
            throw DemoConfigurationError(
                "missing --product (or DEMO_PRODUCT): give the prod_... id whose membership grants access")
        }
        let suffix = value.utf8.dropFirst(5)
        let isWellFormed = value.hasPrefix("prod_") && !suffix.isEmpty && suffix.allSatisfy(isProductIDByte)
        guard isWellFormed else {
            throw DemoConfigurationError("invalid --product \(value): expected a product id such as prod_XXXXXXXX")
        }
        return value
    }

    private static func isProductIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    static func parseLogLevel(_ value: String?) throws(DemoConfigurationError) -> Logger.Level {
        guard let value else {
            return .info
        }
        guard let level = Logger.Level(rawValue: value.lowercased()) else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw DemoConfigurationError("invalid --log-level \(value): expected one of \(levels)")
        }
        return level
    }
}
