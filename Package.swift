// swift-tools-version:6.0
import PackageDescription

// One target per layer, from the socket to the database:
//   C libraries (CMicroHTTPD, CSQLite, CSodium) -> Logging -> DoormanHTTP, DoormanCrypto
//   -> DoormanOAuth (rules and the storage protocol, no I/O) -> DoormanStorage (SQLite store)
//      and DoormanPostgres (PostgreSQL store, on CPostgres: libpq)
//   -> DoormanWeb (endpoints and pages) -> DoormanApp (configuration, commands) -> doorman.
// DoormanClient is the SDK that web apps link; it depends on Foundation alone.
let package = Package(
    name: "Doorman",
    products: [
        .executable(name: "doorman", targets: ["doorman"]),
        .library(name: "DoormanClient", targets: ["DoormanClient"]),
    ],
    targets: [
        .target(
            name: "CMicroHTTPD",
            linkerSettings: [.linkedLibrary("microhttpd")]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(name: "Logging"),
        // The API of Apple's swift-metrics, and a Prometheus registry behind it, until those packages can be fetched.
        .target(name: "Metrics"),
        .target(name: "Prometheus", dependencies: ["Metrics"]),
        .target(name: "DoormanHTTP", dependencies: ["CMicroHTTPD", "Logging"]),
        .target(name: "DoormanCrypto", dependencies: ["CSodium"]),
        .target(name: "DoormanStorage", dependencies: ["CSQLite", "Logging", "DoormanOAuth"]),
        .target(name: "DoormanPostgres", dependencies: ["CPostgres", "Logging", "DoormanOAuth"]),
        .target(name: "DoormanOAuth", dependencies: ["DoormanCrypto"]),
        .target(
            name: "DoormanWeb",
            dependencies: ["Logging", "DoormanHTTP", "DoormanCrypto", "DoormanOAuth", "Metrics"]
        ),
        .target(name: "DoormanClient"),
        .target(
            name: "DoormanApp",
            dependencies: [
                "Logging", "DoormanHTTP", "DoormanCrypto", "DoormanStorage", "DoormanOAuth", "DoormanWeb",
                "DoormanPostgres", "Metrics", "Prometheus",
            ]
        ),
        .executableTarget(name: "doorman", dependencies: ["DoormanApp"]),
        // The web app of `make demo`, a site that signs its users in through Doorman with the SDK. Not a product.
        .target(name: "DemoWebApp", dependencies: ["DoormanHTTP", "DoormanClient", "Logging"]),
        .executableTarget(name: "doorman-demo-webapp", dependencies: ["DemoWebApp"]),
        // Fills a database for scripts/bench. Not a product, so it is never shipped to users.
        .executableTarget(
            name: "doorman-bench-fixtures",
            dependencies: ["DoormanStorage", "DoormanOAuth", "DoormanCrypto", "DoormanPostgres"]),
        // The libFuzzer targets of the parsers; scripts/fuzz builds them with -DDOORMAN_FUZZING. Not a product.
        .executableTarget(name: "doorman-fuzz", dependencies: ["DoormanHTTP", "DoormanOAuth"], path: "Fuzz/Targets"),

        .target(
            name: "DoormanTestSupport",
            dependencies: ["DoormanHTTP", "DoormanStorage", "Logging", "DoormanPostgres"],
            path: "Tests/DoormanTestSupport"
        ),
        .testTarget(name: "LoggingTests", dependencies: ["Logging"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Prometheus"]),
        .testTarget(name: "DoormanHTTPTests", dependencies: ["DoormanHTTP", "DoormanTestSupport"]),
        .testTarget(name: "DoormanCryptoTests", dependencies: ["DoormanCrypto"]),
        .testTarget(
            name: "DoormanStorageTests",
            dependencies: ["DoormanStorage", "DoormanOAuth", "DoormanPostgres", "DoormanTestSupport"]
        ),
        .testTarget(name: "DoormanOAuthTests", dependencies: ["DoormanOAuth"]),
        .testTarget(
            name: "DoormanWebTests",
            dependencies: ["DoormanWeb", "DoormanStorage", "DoormanTestSupport"]
        ),
        .testTarget(
            name: "DoormanClientTests",
            dependencies: ["DoormanClient", "DoormanWeb", "DoormanStorage", "DoormanTestSupport"]
        ),
        .testTarget(
            name: "DoormanAppTests",
            dependencies: ["DoormanApp", "DoormanTestSupport", "DoormanPostgres"]
        ),
        .testTarget(
            name: "DemoWebAppTests",
            dependencies: ["DemoWebApp", "DoormanWeb", "DoormanStorage", "DoormanTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
