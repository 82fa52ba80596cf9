import DoormanPostgres
import Foundation

/// The PostgreSQL server of the test run, named by `DOORMAN_TEST_POSTGRES_URL`, and fresh schemas on it.
///
/// `make test` starts a throw-away cluster with `scripts/postgres-test-cluster` and sets the variable, along with
/// `DOORMAN_REQUIRE_POSTGRES=1`, which turns a missing URL into a failed test instead of skipped PostgreSQL tests.
public enum PostgresTestDatabase {
    /// The server's URL, or nil when PostgreSQL tests are not configured.
    public static let url: String? = {
        let value = ProcessInfo.processInfo.environment["DOORMAN_TEST_POSTGRES_URL"] ?? ""
        return value.isEmpty ? nil : value
    }()

    /// Whether the run demands PostgreSQL tests, so that a missing URL must fail.
    public static let isRequired = ProcessInfo.processInfo.environment["DOORMAN_REQUIRE_POSTGRES"] == "1"

    /// Whether PostgreSQL tests run.
    public static var isConfigured: Bool {
        url != nil
    }

    /// Creates a schema with a new random name, runs `body` with a URL whose connections use only that schema, and
    /// drops the schema afterwards, so each test starts empty and tests can run in parallel.
    public static func withSchema<T>(_ body: (_ url: String) throws -> T) throws -> T {
        guard let serverURL = url else {
            throw PostgresError(kind: .connectionFailed, message: "DOORMAN_TEST_POSTGRES_URL is not set")
        }
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let administration = try PostgresConnection(url: serverURL)
        try administration.execute("CREATE SCHEMA \(schema)")
        defer { _ = try? administration.execute("DROP SCHEMA \(schema) CASCADE") }
        return try body(Self.url(serverURL, searchPath: schema))
    }

    /// Returns `url` with a libpq `options` parameter that sets the connection's `search_path` to `schema`.
    public static func url(_ url: String, searchPath schema: String) -> String {
        let separator = url.contains("?") ? "&" : "?"
        return url + separator + "options=-csearch_path%3D" + schema
    }
}
