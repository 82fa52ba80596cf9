import Logging
import Testing

@testable import DoormanApp

/// A valid raw value for every option and the value that `ConfigurationOption.value(in:)` then shows.
let validSamples: [String: (raw: String, stored: String)] = [
    "host": ("0.0.0.0", "0.0.0.0"),
    "port": ("9090", "9090"),
    "data-dir": ("/var/lib/doorman", "/var/lib/doorman"),
    "database-url": ("sqlite:/tmp/other.sqlite3", "sqlite:/tmp/other.sqlite3"),
    "database-pool-size": ("12", "12"),
    "database-wait-seconds": ("0", "0"),
    "log-level": ("debug", "debug"),
    "log-format": ("json", "json"),
    "threads": ("4", "4"),
    "max-header-bytes": ("8192", "8192"),
    "max-body-bytes": ("2048", "2048"),
    "connection-timeout": ("5", "5"),
    "max-connections": ("10", "10"),
    "max-connections-per-ip": ("0", "0"),
    "shutdown-timeout": ("0", "0"),
    "metrics": ("FALSE", "false"),
    "public-url": ("HTTPS://doorman.example/", "https://doorman.example"),
    "allow-plain-pkce": ("true", "true"),
    "refresh-grace-seconds": ("0", "0"),
    "refresh-inactivity-seconds": ("86400", "86400"),
    "cleanup-interval-seconds": ("0", "0"),
    "cleanup-retention-seconds": ("60", "60"),
    "rate-limits": ("off", "off"),
    "token-limit-per-client": ("50/10", "50/10"),
    "token-limit-per-address": ("off", "off"),
    "sign-in-limit-per-address": ("100/3600", "100/3600"),
    "sign-in-failure-limit": ("3/600", "3/600"),
    "sign-in-delay": ("2", "2"),
    "sign-in-max-delay": ("60", "60"),
    "authorize-limit-per-address": ("1000/60", "1000/60"),
    "rate-limit-lease": ("1", "1"),
    "trusted-proxy": ("10.0.0.1, 10.1.0.0/16,::1", "10.0.0.1/32,10.1.0.0/16,::1/128"),
    "token-cache-seconds": ("0", "0"),
    "client-cache-seconds": ("30", "30"),
]

@Suite struct ConfigurationTests {
    @Test func defaults() throws {
        let configuration = try Configuration.load(arguments: [], environment: [:])

        #expect(configuration == Configuration())
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory == "data")
        #expect(configuration.databaseURL == "sqlite:data/doorman.sqlite3")
        #expect(configuration.sqlitePath == "data/doorman.sqlite3")
        #expect(configuration.logLevel == .info)
        #expect(configuration.logFormat == .text)
        #expect((1...256).contains(configuration.threads))
        #expect(configuration.maxHeaderBytes == 16384)
        #expect(configuration.maxBodyBytes == 1_048_576)
        #expect(configuration.connectionTimeout == 30)
        #expect(configuration.maxConnections == 1024)
        #expect(configuration.maxConnectionsPerIP == 128)
        #expect(configuration.shutdownTimeout == 10)
        #expect(configuration.metrics)
        #expect(configuration.publicURL == nil)
        #expect(configuration.effectivePublicURL == "http://127.0.0.1:8080")
    }

    @Test(arguments: [
        ("127.0.0.1", 8080, "http://127.0.0.1:8080"),
        ("0.0.0.0", 80, "http://0.0.0.0:80"),
        ("::1", 9000, "http://[::1]:9000"),
    ])
    func publicURLIsDerivedFromHostAndPort(host: String, port: Int, expected: String) throws {
        let configuration = try Configuration.load(
            arguments: ["--host", host, "--port", String(port)], environment: [:])

        #expect(configuration.effectivePublicURL == expected)
    }

    @Test(arguments: [
        ("https://doorman.example", "https://doorman.example"),
        ("http://127.0.0.1:9000/", "http://127.0.0.1:9000"),
        ("https://[2001:db8::1]:8443", "https://[2001:db8::1]:8443"),
        ("Https://Doorman.Example", "https://Doorman.Example"),
    ])
    func publicURLIsNormalized(value: String, expected: String) throws {
        let configuration = try Configuration.load(arguments: ["--public-url", value], environment: [:])

        #expect(configuration.publicURL == expected)
        #expect(configuration.effectivePublicURL == expected)
    }

    @Test func grantDefaults() throws {
        let configuration = try Configuration.load(arguments: [], environment: [:])

        #expect(configuration.allowPlainPKCE == false)
        #expect(configuration.refreshGraceSeconds == 5)
        #expect(configuration.refreshInactivitySeconds == 2_592_000)
        #expect(configuration.cleanupIntervalSeconds == 3_600)
        #expect(configuration.cleanupRetentionSeconds == 86_400)
    }

    @Test func grantSettingsReachTheEndpoints() throws {
        let configuration = try Configuration.load(
            arguments: [
                "--allow-plain-pkce", "true", "--refresh-grace-seconds", "9", "--refresh-inactivity-seconds", "600",
                "--cleanup-retention-seconds", "30",
            ],
            environment: [:])

        let settings = configuration.oauthSettings
        #expect(settings.allowPlainPKCE)
        #expect(settings.refreshGraceSeconds == 9)
        #expect(settings.lifetimes.refreshToken == 600)
        #expect(settings.lifetimes.accessToken == 7_200)
        #expect(configuration.cleanupPolicy.retentionSeconds == 30)
    }

    @Test(arguments: [("https://doorman.example", true), ("http://127.0.0.1:9000", false)])
    func httpsPublicURLMakesCookiesSecure(url: String, secure: Bool) throws {
        let configuration = try Configuration.load(arguments: ["--public-url", url], environment: [:])

        #expect(configuration.oauthSettings.secureCookies == secure)
    }

    @Test func cacheDefaults() throws {
        let configuration = try Configuration.load(arguments: [], environment: [:])

        #expect(configuration.tokenCacheSeconds == 5)
        #expect(configuration.clientCacheSeconds == 5)
    }

    @Test func optionTableNames() {
        let flags = ConfigurationOption.all.map(\.flag)

        #expect(flags == [
            "--host", "--port", "--data-dir", "--database-url", "--database-pool-size", "--database-wait-seconds",
            "--log-level", "--log-format", "--threads",
            "--max-header-bytes", "--max-body-bytes", "--connection-timeout", "--max-connections",
            "--max-connections-per-ip", "--shutdown-timeout", "--metrics", "--public-url", "--allow-plain-pkce",
            "--refresh-grace-seconds", "--refresh-inactivity-seconds", "--cleanup-interval-seconds",
            "--cleanup-retention-seconds", "--token-cache-seconds", "--client-cache-seconds",
            "--rate-limits", "--token-limit-per-client",
            "--token-limit-per-address", "--sign-in-limit-per-address", "--sign-in-failure-limit",
            "--sign-in-delay", "--sign-in-max-delay", "--authorize-limit-per-address", "--rate-limit-lease",
            "--trusted-proxy",
        ])
        #expect(Set(flags).count == flags.count)
        #expect(Set(validSamples.keys) == Set(ConfigurationOption.all.map(\.name)))
    }

    @Test(arguments: ConfigurationOption.all.map(\.name))
    func environmentVariableMatchesFlag(name: String) throws {
        let option = try #require(ConfigurationOption.all.first { $0.name == name })
        let expected = "DOORMAN_" + name.uppercased().replacingOccurrences(of: "-", with: "_")

        #expect(option.environmentVariable == expected)
        #expect(ConfigurationOption.all.filter { $0.environmentVariable == expected }.count == 1)
    }

    @Test(arguments: ConfigurationOption.all.map(\.name))
    func environmentSetsOption(name: String) throws {
        let option = try #require(ConfigurationOption.all.first { $0.name == name })
        let sample = try #require(validSamples[name])

        let configuration = try Configuration.load(
            arguments: [], environment: [option.environmentVariable: sample.raw])

        #expect(option.value(in: configuration) == sample.stored)
        #expect(option.value(in: configuration) != option.value(in: Configuration()))
    }

    @Test(arguments: ConfigurationOption.all.map(\.name))
    func flagFormsSetOption(name: String) throws {
        let option = try #require(ConfigurationOption.all.first { $0.name == name })
        let sample = try #require(validSamples[name])

        let separate = try Configuration.load(arguments: [option.flag, sample.raw], environment: [:])
        let joined = try Configuration.load(arguments: ["\(option.flag)=\(sample.raw)"], environment: [:])

        #expect(option.value(in: separate) == sample.stored)
        #expect(option.value(in: joined) == sample.stored)
    }

    @Test func flagOverridesEnvironment() throws {
        let configuration = try Configuration.load(
            arguments: ["--port", "7000", "--log-format=json"],
            environment: ["DOORMAN_PORT": "6000", "DOORMAN_LOG_FORMAT": "text", "DOORMAN_HOST": "::1"]
        )

        #expect(configuration.port == 7000)
        #expect(configuration.logFormat == .json)
        #expect(configuration.host == "::1")
    }

    @Test func flagOverridesInvalidEnvironment() throws {
        let configuration = try Configuration.load(arguments: ["--port", "7000"], environment: ["DOORMAN_PORT": "abc"])

        #expect(configuration.port == 7000)
    }

    @Test func lastRepeatedFlagWins() throws {
        let configuration = try Configuration.load(arguments: ["--port", "1", "--port=2"], environment: [:])

        #expect(configuration.port == 2)
    }

    @Test func valueMayContainEquals() throws {
        let configuration = try Configuration.load(arguments: ["--data-dir=a=b"], environment: [:])

        #expect(configuration.dataDirectory == "a=b")
    }

    @Test func databaseURLFollowsDataDirectory() throws {
        let fromFlag = try Configuration.load(arguments: ["--data-dir", "/srv/doorman/"], environment: [:])
        let fromEnvironment = try Configuration.load(arguments: [], environment: ["DOORMAN_DATA_DIR": "state"])

        #expect(fromFlag.databaseURL == "sqlite:/srv/doorman/doorman.sqlite3")
        #expect(fromEnvironment.databaseURL == "sqlite:state/doorman.sqlite3")
    }

    @Test func explicitDatabaseURLIgnoresDataDirectory() throws {
        let configuration = try Configuration.load(
            arguments: ["--data-dir", "state"], environment: ["DOORMAN_DATABASE_URL": "sqlite:elsewhere.db"])

        #expect(configuration.databaseURL == "sqlite:elsewhere.db")
        #expect(configuration.sqlitePath == "elsewhere.db")
    }

    @Test(arguments: ["127.0.0.1", "0.0.0.0", "::", "::1", "fe80::1", "2001:db8::8:800:200c:417a"])
    func hostAcceptsAddresses(address: String) throws {
        let configuration = try Configuration.load(arguments: ["--host", address], environment: [:])

        #expect(configuration.host == address)
    }

    @Test func hostStripsIPv6Brackets() throws {
        let configuration = try Configuration.load(arguments: ["--host=[::1]"], environment: [:])

        #expect(configuration.host == "::1")
    }

    @Test func logLevelIgnoresCase() throws {
        let configuration = try Configuration.load(arguments: ["--log-level", "WARNING"], environment: [:])

        #expect(configuration.logLevel == .warning)
    }

    @Test func logHandlerFactoryUsesSettings() throws {
        var configuration = Configuration()
        configuration.logLevel = .debug
        configuration.logFormat = .json

        let handler = try #require(configuration.logHandlerFactory("doorman") as? StreamLogHandler)

        #expect(handler.logLevel == .debug)
        #expect(handler.format == .json)
        #expect(handler.label == "doorman")
    }

    @Test func defaultDescriptions() {
        let defaults = Dictionary(
            uniqueKeysWithValues: ConfigurationOption.all.map { ($0.name, $0.defaultDescription) })

        #expect(defaults["port"] == "8080")
        #expect(defaults["host"] == "127.0.0.1")
        #expect(defaults["database-url"] == "sqlite:<data-dir>/doorman.sqlite3")
        #expect(defaults["threads"]?.hasPrefix("number of active processors") == true)
        #expect(defaults["max-body-bytes"] == "1048576")
        #expect(defaults["public-url"] == "http://<host>:<port>")
    }
}
