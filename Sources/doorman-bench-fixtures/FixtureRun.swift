import DoormanOAuth
import DoormanPostgres
import DoormanStorage
import Foundation

/// One run of `doorman-bench-fixtures`: ensure the catalog, add tokens and codes, write the output files.
struct FixtureRun {
    /// Maximum number of tokens written to `access-tokens-sample.txt`.
    static let sampleSize = 10_000

    let options: FixtureOptions

    func run() throws {
        let database = try FixtureDatabase.open(options)
        defer { database.close() }
        let store = database.store
        try FileManager.default.createDirectory(
            atPath: options.outputDirectory, withIntermediateDirectories: true)

        let now = Int64(Date().timeIntervalSince1970)
        let catalog = try BenchCatalog.ensure(in: store, at: now)
        try write(catalog.webApp.clientID, to: "client-id.txt")
        try write(try clientSecret(of: catalog, in: store), to: "client-secret.txt")
        try write(BenchCatalog.redirectURI, to: "redirect-uri.txt")
        try write(catalog.buyer.id, to: "user-id.txt")

        let grants = database.grantWriter(catalog: catalog)
        if options.accessTokenCount > 0 {
            let tokens = try timed("access tokens", count: options.accessTokenCount) {
                try grants.insertAccessTokens(count: options.accessTokenCount, at: now)
            }
            try write(tokens[tokens.count / 2], to: "access-token.txt")
            try writeLines(Self.sample(tokens), to: "access-tokens-sample.txt")
        }
        if options.codeCount > 0 {
            let codes = try timed("authorization codes", count: options.codeCount) {
                try grants.saveCodes(count: options.codeCount, at: now)
            }
            try writeLines(codes, to: options.codesFileName)
        }

        let total = try grants.accessTokenCount()
        print("doorman-bench-fixtures: \(total) access tokens in \(database.location)")
    }

    /// Returns the secret in `client-secret.txt` of the output directory when it still matches the web app, and
    /// otherwise replaces the web app's secret and returns the new one.
    ///
    /// A running server keeps the web app for `--client-cache-seconds` after reading it, and rejects a secret
    /// replaced meanwhile by another process. So the tool replaces the secret only when the output directory lacks
    /// the current one.
    private func clientSecret(of catalog: BenchCatalog, in store: any DoormanStore) throws -> String {
        let path = (options.outputDirectory as NSString).appendingPathComponent("client-secret.txt")
        if let text = try? String(contentsOfFile: path, encoding: .utf8), let hash = catalog.webApp.clientSecretHash {
            let secret = text.trimmingCharacters(in: .newlines)
            if TokenHash.matches(secret, hash: hash) {
                return secret
            }
        }
        return try catalog.rotateClientSecret(in: store)
    }

    /// Returns at most `sampleSize` tokens taken at even intervals.
    static func sample(_ tokens: [String]) -> [String] {
        let step = max(1, tokens.count / sampleSize)
        return stride(from: 0, to: tokens.count, by: step).prefix(sampleSize).map { tokens[$0] }
    }

    private func timed<T>(_ what: String, count: Int, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = (clock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        print("doorman-bench-fixtures: \(count) \(what) in \(String(format: "%.1f", seconds)) s")
        return result
    }

    private func write(_ value: String, to name: String) throws {
        try writeLines([value], to: name)
    }

    private func writeLines(_ lines: [String], to name: String) throws {
        let path = (options.outputDirectory as NSString).appendingPathComponent(name)
        let text = lines.joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw FixtureError.failed("cannot write \(path); check that \(options.outputDirectory) is writable")
        }
    }
}

/// The database that the options name: a SQLite file in the data directory, or a PostgreSQL database.
enum FixtureDatabase {
    case sqlite(SQLiteStore, path: String)
    case postgres(PostgresStore)

    /// Opens the database and applies pending migrations.
    static func open(_ options: FixtureOptions) throws -> FixtureDatabase {
        if !options.databaseURL.isEmpty {
            // One connection, because the fixtures run one statement at a time.
            let configuration = PostgresConfiguration(url: options.databaseURL, poolSize: 1)
            return .postgres(try PostgresStore.open(configuration: configuration))
        }
        let path = try DatabaseLocation.prepare(dataDirectory: options.dataDirectory)
        return .sqlite(try SQLiteStore.open(path: path, poolSize: 1), path: path)
    }

    var store: any DoormanStore {
        switch self {
        case .sqlite(let store, _): store
        case .postgres(let store): store
        }
    }

    /// The file path, or the URL with its password replaced.
    var location: String {
        switch self {
        case .sqlite(_, let path): path
        case .postgres(let store): store.database.redactedURL
        }
    }

    func grantWriter(catalog: BenchCatalog) -> any GrantWriter {
        switch self {
        case .sqlite(let store, _): BulkGrants(store: store, catalog: catalog)
        case .postgres(let store): PostgresBulkGrants(database: store.database, catalog: catalog)
        }
    }

    func close() {
        switch self {
        case .sqlite(let store, _): try? store.close()
        case .postgres(let store): store.close()
        }
    }
}
