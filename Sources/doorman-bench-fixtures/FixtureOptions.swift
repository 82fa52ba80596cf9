/// The command line of `doorman-bench-fixtures`.
struct FixtureOptions {
    static let usage = """
        usage: doorman-bench-fixtures (--data-dir DIR | --database-url URL) --output DIR [--access-tokens N]
                                      [--codes N --codes-file NAME]
          --data-dir DIR      Doorman data directory whose doorman.sqlite3 is filled (migrated if needed)
          --database-url URL  postgres:// URL of a Doorman database to fill instead (migrated if needed)
          --output DIR        directory for client-id.txt, client-secret.txt, redirect-uri.txt,
                              access-token.txt, access-tokens-sample.txt and the codes file
          --access-tokens N   access tokens to add for the benchmark user (default 0)
          --codes N           unused authorization codes to add, valid for 600 seconds (default 0)
          --codes-file NAME   file in --output that receives the codes, one per line (default codes.txt)
        """

    var dataDirectory = ""
    var databaseURL = ""
    var outputDirectory = ""
    var accessTokenCount = 0
    var codeCount = 0
    var codesFileName = "codes.txt"

    /// Parses the arguments, without the program name. Throws a usage error on anything unknown or missing.
    static func parse(_ arguments: [String]) throws(FixtureError) -> FixtureOptions {
        var options = FixtureOptions()
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            guard let value = remaining.popFirst() else {
                throw .usage("option \(name) needs a value")
            }
            switch name {
            case "--data-dir": options.dataDirectory = value
            case "--database-url": options.databaseURL = value
            case "--output": options.outputDirectory = value
            case "--access-tokens": options.accessTokenCount = try count(value, option: name)
            case "--codes": options.codeCount = try count(value, option: name)
            case "--codes-file": options.codesFileName = value
            default: throw .usage("unknown option \(name)")
            }
        }

        if options.dataDirectory.isEmpty == options.databaseURL.isEmpty {
            throw .usage("pass exactly one of --data-dir and --database-url")
        }
        if options.outputDirectory.isEmpty {
            throw .usage("--output is required")
        }
        if options.codesFileName.contains("/") || options.codesFileName.isEmpty {
            throw .usage("--codes-file \(options.codesFileName) must be a plain file name inside --output")
        }
        return options
    }

    private static func count(_ value: String, option: String) throws(FixtureError) -> Int {
        guard let count = Int(value), count >= 0 else {
            throw .usage("invalid \(option) value '\(value)': expected a whole number, 0 or more")
        }
        return count
    }
}

/// A failure of `doorman-bench-fixtures`, with a message for the person running the benchmark.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    /// Whether the command line was wrong, which exits with status 2 and prints the usage.
    let isUsage: Bool

    static func usage(_ message: String) -> FixtureError {
        FixtureError(description: "\(message)\n\(FixtureOptions.usage)", isUsage: true)
    }

    static func failed(_ message: String) -> FixtureError {
        FixtureError(description: message, isUsage: false)
    }
}
