import Foundation
import Logging

/// What the command line requests: the help text, or serving with a configuration.
public enum DemoCommand: Sendable, Equatable {
    /// `--help`: print `DemoCommandLine.helpText` and exit.
    case help
    /// Serve the web app.
    case serve(DemoConfiguration)
}

/// An invalid command line or environment, with a message that names the option and the fix.
public struct DemoConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message for the operator.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Parses `doorman-demo-webapp`'s options. Each `--name value` (or `--name=value`) has one `DEMO_*`
/// environment variable, and the option wins when both are set.
public enum DemoCommandLine {
    /// One option: its flag, its environment variable and its help line.
    struct Option {
        let flag: String
        let environment: String
        let help: String
    }

    static let options: [Option] = [
        Option(flag: "host", environment: "DEMO_WEBAPP_HOST", help: "Address to listen on. Default 127.0.0.1."),
        Option(flag: "port", environment: "DEMO_WEBAPP_PORT", help: "TCP port to listen on. Default 8081."),
        Option(
            flag: "public-url", environment: "DEMO_PUBLIC_URL",
            help: "Address browsers use, without a path. Default http://HOST:PORT."),
        Option(
            flag: "doorman-url", environment: "DEMO_DOORMAN_URL",
            help: "Base address of the Doorman server. Default http://127.0.0.1:8080."),
        Option(flag: "client-id", environment: "DEMO_CLIENT_ID", help: "The web app's client id, app_... Required."),
        Option(
            flag: "client-secret", environment: "DEMO_CLIENT_SECRET",
            help: "The web app's client secret. Prefer the environment variable, which other users cannot list."),
        Option(
            flag: "product", environment: "DEMO_PRODUCT",
            help: "The prod_... product whose valid membership opens the members page. Required."),
        Option(
            flag: "log-level", environment: "DEMO_LOG_LEVEL",
            help: "Minimum log level: " + Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                + ". Default info."),
    ]

    /// The text that `--help` prints.
    public static var helpText: String {
        var lines = [
            "usage: doorman-demo-webapp --client-id app_... --product prod_... [options]",
            "",
            "A small web app that signs its users in through Doorman and shows a members-only page.",
            "",
        ]
        for option in options {
            lines.append("  --\(option.flag) (\(option.environment))")
            lines.append("      \(option.help)")
        }
        return lines.joined(separator: "\n")
    }

    /// Parses `arguments` (without the program name) over `environment`.
    public static func parse(
        arguments: [String], environment: [String: String]
    ) throws(DemoConfigurationError) -> DemoCommand {
        if arguments.contains("--help") || arguments.contains("-h") {
            return .help
        }
        var values = try readFlags(arguments)
        for option in options where values[option.flag] == nil {
            values[option.flag] = environment[option.environment]
        }
        return .serve(try makeConfiguration(values))
    }

    /// Returns the flags' values keyed by flag name without the dashes.
    static func readFlags(_ arguments: [String]) throws(DemoConfigurationError) -> [String: String] {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else {
                throw DemoConfigurationError("unexpected argument \(argument); options start with --, see --help")
            }

            var name = String(argument.dropFirst(2))
            let value: String
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            } else {
                guard index + 1 < arguments.count else {
                    throw DemoConfigurationError("option --\(name) needs a value")
                }
                index += 1
                value = arguments[index]
            }

            guard options.contains(where: { $0.flag == name }) else {
                throw DemoConfigurationError("unknown option --\(name); see --help for the options")
            }
            guard values.updateValue(value, forKey: name) == nil else {
                throw DemoConfigurationError("option --\(name) is given twice; give it once")
            }
            index += 1
        }
        return values
    }
}
