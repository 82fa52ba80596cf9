import Testing

@testable import DoormanApp

/// The reason every rejected `--public-url` value gets.
private let publicURLReason = "expected an http or https origin, such as https://doorman.example"

@Suite struct ConfigurationErrorTests {
    static let expectedDatabaseURL = "expected sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE"

    /// Invalid values for each option, with the reason the error must give.
    static let invalidValues: [(name: String, value: String, reason: String)] = [
        ("host", "localhost", "expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::1"),
        ("host", "", "expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::1"),
        ("host", "256.0.0.1", "expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::1"),
        ("port", "abc", "expected an integer from 0 to 65535"),
        ("port", "65536", "expected an integer from 0 to 65535"),
        ("port", "-1", "expected an integer from 0 to 65535"),
        ("port", " 80", "expected an integer from 0 to 65535"),
        ("port", "99999999999999999999", "expected an integer from 0 to 65535"),
        ("data-dir", "", "expected a directory path"),
        ("database-url", "mysql://db/doorman", expectedDatabaseURL),
        ("database-url", "sqlite:", expectedDatabaseURL),
        ("database-url", "data/doorman.sqlite3", expectedDatabaseURL),
        (
            "database-url", "postgres://",
            "expected postgres://USER:PASSWORD@HOST:PORT/DATABASE, such as postgres://doorman@127.0.0.1:5432/doorman"
        ),
        ("database-pool-size", "-1", "expected an integer from 0 to 1000"),
        ("database-pool-size", "1001", "expected an integer from 0 to 1000"),
        ("database-wait-seconds", "3601", "expected an integer from 0 to 3600"),
        (
            "database-url", "sqlite://host/db",
            "expected sqlite:PATH without //, such as sqlite:/var/lib/doorman/doorman.sqlite3"
        ),
        ("log-level", "verbose", "expected one of trace, debug, info, notice, warning, error, critical"),
        ("log-format", "xml", "expected one of text, json"),
        ("threads", "0", "expected an integer from 1 to 256"),
        ("threads", "257", "expected an integer from 1 to 256"),
        ("max-header-bytes", "1023", "expected an integer from 1024 to 1048576"),
        ("max-header-bytes", "16k", "expected an integer from 1024 to 1048576"),
        ("max-body-bytes", "0", "expected an integer from 1024 to 1073741824"),
        ("connection-timeout", "0", "expected an integer from 1 to 3600"),
        ("connection-timeout", "1.5", "expected an integer from 1 to 3600"),
        ("max-connections", "0", "expected an integer from 1 to 1000000"),
        ("max-connections-per-ip", "-5", "expected an integer from 0 to 1000000"),
        ("shutdown-timeout", "3601", "expected an integer from 0 to 3600"),
        ("metrics", "yes", "expected true or false"),
        ("metrics", "", "expected true or false"),
        ("public-url", "doorman.example", publicURLReason),
        ("public-url", "https://doorman.example/path", publicURLReason),
        ("public-url", "ftp://doorman.example", publicURLReason),
        ("public-url", "https://doorman.example?x=1", publicURLReason),
        ("public-url", "https://doorman.example#top", publicURLReason),
        ("public-url", "https://user@doorman.example", publicURLReason),
        ("public-url", "https://doorman.example:0", publicURLReason),
        ("public-url", "https://doorman.example:+80", publicURLReason),
        ("public-url", "https://", publicURLReason),
        ("public-url", "https://doorman..example", publicURLReason),
        ("public-url", "https://dörman.example", publicURLReason),
        ("allow-plain-pkce", "yes", "expected true or false"),
        ("allow-plain-pkce", "1", "expected true or false"),
        ("refresh-grace-seconds", "301", "expected an integer from 0 to 300"),
        ("refresh-grace-seconds", "-1", "expected an integer from 0 to 300"),
        ("refresh-inactivity-seconds", "59", "expected an integer from 60 to 31622400"),
        ("cleanup-interval-seconds", "604801", "expected an integer from 0 to 604800"),
        ("cleanup-retention-seconds", "-1", "expected an integer from 0 to 31622400"),
        ("rate-limits", "yes", "expected on or off"),
        ("token-limit-per-client", "600", "expected \(limitFormat)"),
        ("token-limit-per-client", "0/60", "expected \(limitFormat)"),
        ("token-limit-per-address", "600/0", "expected \(limitFormat)"),
        ("token-limit-per-address", "600/1m", "expected \(limitFormat)"),
        ("sign-in-limit-per-address", "-1/60", "expected \(limitFormat)"),
        ("sign-in-failure-limit", "5/", "expected \(limitFormat)"),
        ("sign-in-delay", "0", "expected an integer from 1 to 86400"),
        ("sign-in-max-delay", "86401", "expected an integer from 1 to 86400"),
        ("authorize-limit-per-address", "1000000001/60", "expected \(limitFormat)"),
        ("rate-limit-lease", "0", "expected an integer from 1 to 1000"),
        (
            "trusted-proxy", "10.0.0.0/33",
            "\"10.0.0.0/33\" is not an IP address or CIDR range; expected a comma-separated list such as "
                + "10.0.0.0/8,::1, or none"
        ),
        (
            "trusted-proxy", "proxy.internal",
            "\"proxy.internal\" is not an IP address or CIDR range; expected a comma-separated list such as "
                + "10.0.0.0/8,::1, or none"
        ),
        ("token-cache-seconds", "301", "expected an integer from 0 to 300"),
        ("token-cache-seconds", "-1", "expected an integer from 0 to 300"),
        ("client-cache-seconds", "5s", "expected an integer from 0 to 300"),
    ]

    static let limitFormat = "COUNT/SECONDS such as 600/60 (each from 1 to 1000000000), or off"

    @Test func invalidValuesCoverEveryOption() {
        #expect(Set(Self.invalidValues.map(\.name)) == Set(ConfigurationOption.all.map(\.name)))
    }

    @Test(arguments: invalidValues)
    func invalidFlagValueNamesSetting(name: String, value: String, reason: String) throws {
        let option = try #require(ConfigurationOption.all.first { $0.name == name })

        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["\(option.flag)=\(value)"], environment: [:])
        }

        #expect(error == .invalidValue(
            flag: option.flag, environmentVariable: option.environmentVariable, value: value, reason: reason))
        let setting = "\(option.flag) (\(option.environmentVariable))"
        #expect(error?.description == "invalid value \(value.debugDescription) for \(setting): \(reason)")
    }

    @Test(arguments: invalidValues)
    func invalidEnvironmentValueNamesSetting(name: String, value: String, reason: String) throws {
        let option = try #require(ConfigurationOption.all.first { $0.name == name })

        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: [], environment: [option.environmentVariable: value])
        }

        #expect(error == .invalidValue(
            flag: option.flag, environmentVariable: option.environmentVariable, value: value, reason: reason))
    }

    @Test func portMessage() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["--port", "abc"], environment: [:])
        }

        #expect(error?.description
            == #"invalid value "abc" for --port (DOORMAN_PORT): expected an integer from 0 to 65535"#)
    }

    @Test(arguments: ["postgres://doorman:hunter2@db:5432/doorman", "postgresql://doorman:hunter2@db/doorman"])
    func postgresURLIsAccepted(url: String) throws {
        let configuration = try Configuration.load(arguments: [], environment: ["DOORMAN_DATABASE_URL": url])

        #expect(configuration.databaseURL == url)
        #expect(configuration.isPostgres)
        #expect(configuration.sqlitePath == nil)
        #expect(ConfigurationOption.databaseURL.value(in: configuration).contains("doorman:***@db"))
        #expect(!ConfigurationOption.databaseURL.value(in: configuration).contains("hunter2"))
    }

    @Test func invalidPostgresURLHidesPassword() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(
                arguments: [], environment: ["DOORMAN_DATABASE_URL": "postgres://doorman:hunter2@db/a b"])
        }

        let message = error?.description ?? ""
        #expect(message.contains("--database-url (DOORMAN_DATABASE_URL)"))
        #expect(message.contains("postgres://doorman:***@db/a b"))
        #expect(!message.contains("hunter2"))
    }

    @Test(arguments: [
        ("postgres://user:secret@host/db", "postgres://user:***@host/db"),
        ("postgresql://user@host/db", "postgresql://user@host/db"),
        ("postgres://user:p@ss@host/db", "postgres://user:***@host/db"),
        ("postgres://host/db?x=a:b@c", "postgres://host/db?x=a:b@c"),
        ("postgres://host/db?password=hunter2", "postgres://host/db?password=***"),
        ("sqlite:data/doorman.sqlite3", "sqlite:data/doorman.sqlite3"),
    ])
    func passwordRedaction(url: String, expected: String) {
        #expect(redactingPassword(in: url) == expected)
    }

    @Test func unknownOptionMessage() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["--verbose"], environment: [:])
        }

        #expect(error?.description == #"unknown option --verbose; run "doorman serve --help" for the options"#)
    }

    @Test func unknownOptionSuggestsClosest() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["--prot", "80"], environment: [:])
        }

        #expect(error == .unknownOption("--prot", suggestion: "--port", command: "doorman serve"))
        #expect(error?.description
            == #"unknown option --prot (did you mean --port?); run "doorman serve --help" for the options"#)
    }

    @Test func unknownOptionWithInlineValue() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["--colour=red"], environment: [:])
        }

        #expect(error == .unknownOption("--colour", suggestion: nil, command: "doorman serve"))
    }

    @Test func singleDashIsUnknownOption() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["-p", "80"], environment: [:])
        }

        #expect(error == .unknownOption("-p", suggestion: nil, command: "doorman serve"))
    }

    @Test func missingValueAtEnd() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["--host", "::1", "--port"], environment: [:])
        }

        #expect(error == .missingValue(
            flag: "--port", environmentVariable: "DOORMAN_PORT", expected: "an integer from 0 to 65535"))
        #expect(error?.description == "missing value for --port (DOORMAN_PORT): expected an integer from 0 to 65535, "
            + "as in --port VALUE or --port=VALUE")
    }

    @Test func missingValueBeforeNextFlag() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["--data-dir", "--port", "80"], environment: [:])
        }

        #expect(error == .missingValue(
            flag: "--data-dir", environmentVariable: "DOORMAN_DATA_DIR", expected: "a directory path"))
    }

    @Test func emptyInlineValueIsInvalid() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["--port="], environment: [:])
        }

        #expect(error == .invalidValue(
            flag: "--port", environmentVariable: "DOORMAN_PORT", value: "",
            reason: "expected an integer from 0 to 65535"))
    }

    @Test func positionalArgumentRejected() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(arguments: ["now"], environment: [:])
        }

        #expect(error == .unexpectedArgument("now", command: "doorman serve"))
        #expect(error?.description.contains(#"run "doorman serve --help""#) == true)
    }

    @Test func subsetRejectsOtherOptions() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.load(
                arguments: ["--port", "80"], environment: [:], options: ConfigurationOption.storageAndLogging,
                command: "doorman migrate")
        }

        #expect(error == .unknownOption("--port", suggestion: nil, command: "doorman migrate"))
    }

    @Test func subsetIgnoresOtherEnvironment() throws {
        let configuration = try Configuration.load(
            arguments: [], environment: ["DOORMAN_PORT": "abc", "DOORMAN_LOG_LEVEL": "error"],
            options: ConfigurationOption.storageAndLogging, command: "doorman migrate")

        #expect(configuration.port == 8080)
        #expect(configuration.logLevel == .error)
    }

    @Test(arguments: [("--port", "--prt", 1), ("kitten", "sitting", 3), ("", "abc", 3), ("same", "same", 0)])
    func editDistances(source: String, target: String, distance: Int) {
        #expect(editDistance(source, target) == distance)
    }
}
