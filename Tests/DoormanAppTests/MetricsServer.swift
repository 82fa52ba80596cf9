import DoormanCrypto
import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import Foundation
import Testing

@testable import DoormanApp

/// Doorman's routes with metrics on a live loopback server, over a migrated database with a buyer, a seller's
/// product and a web app, for the tests of `GET /metrics` and `GET /readyz`.
final class MetricsServer: Sendable {
    static let clientID = "app_course"
    static let clientSecret = "secret-of-the-course-app"
    static let redirectURI = "https://course.example/callback"

    let directory: URL
    let store: SQLiteStore
    let metrics: ServerMetrics

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("doorman-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore.open(path: directory.path + "/doorman.sqlite3", poolSize: 4)
        metrics = ServerMetrics(database: .sqlite(store.database))
        try insertRecords()
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with the port of a live server on the routes that `doorman serve` builds.
    func withServer<T>(_ body: (Int) throws -> T) throws -> T {
        let router = Routes.make(database: .sqlite(store.database), logger: quietLogger(), metrics: metrics)
        return try withLiveServer(router, observer: metrics.requestObserver(for: router)) { _, port in
            try body(port)
        }
    }

    private func insertRecords() throws {
        let now = Int64(Date().timeIntervalSince1970)
        try store.createUser(User(id: "user_buyer", username: "buyer", passwordHash: ""))
        try store.createUser(User(id: "user_seller", username: "seller", passwordHash: ""))
        try store.createCompany(Company(id: "biz_course", ownerUserID: "user_seller", name: "Course Company"))
        try store.createProduct(Product(id: "prod_course", companyID: "biz_course", title: "Course"))
        try store.createPlan(
            Plan(
                id: "plan_course", productID: "prod_course", priceCents: 1_000, currency: "usd",
                renewalPeriod: .oneTime))
        try store.createMembership(
            Membership(
                id: "mem_buyer", userID: "user_buyer", productID: "prod_course", planID: "plan_course",
                companyID: "biz_course", status: .active, createdAt: now - 60))
        try store.createWebApp(webApp(createdAt: now))
    }

    private func webApp(createdAt: Int64) -> WebApp {
        WebApp(
            id: "exp_course", companyID: "biz_course", name: "Course app", clientID: Self.clientID,
            clientSecretHash: TokenHash.of(Self.clientSecret), redirectURIs: [Self.redirectURI],
            productIDs: ["prod_course"], createdAt: createdAt)
    }

    /// Issues and stores an authorization code for the buyer, as the authorize endpoint does, and returns it.
    func mintCode() throws -> String {
        let authorization = ValidatedAuthorization(
            client: webApp(createdAt: 0), redirectURI: Self.redirectURI, requestedRedirectURI: Self.redirectURI,
            scope: .default, state: nil, codeChallenge: nil, codeChallengeMethod: nil)
        let issued = TokenIssuer().issueCode(
            for: authorization, userID: "user_buyer", at: Int64(Date().timeIntervalSince1970))
        try store.saveAuthorizationCode(issued.record)
        return issued.code
    }

    /// Sends one request on a new connection and returns the reply.
    static func send(
        _ method: String, _ target: String, port: Int, headers: [String] = [], form: [(String, String)]? = nil
    ) throws -> TestConnection.Reply {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for header in headers {
            head += header + "\r\n"
        }
        var body = ""
        if let form {
            body = form.map { "\(percentEncoded($0.0))=\(percentEncoded($0.1))" }.joined(separator: "&")
            head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n"
        }
        let connection = try TestConnection(port: port)
        try connection.send(head + "\r\n" + body)
        return try connection.readReply()
    }

    /// Returns the form of a token request for `code` by the course app, with the secret in the body.
    static func codeForm(_ code: String) -> [(String, String)] {
        [
            ("grant_type", "authorization_code"), ("code", code), ("client_id", clientID),
            ("client_secret", clientSecret), ("redirect_uri", redirectURI),
        ]
    }

    private static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

/// The samples of a Prometheus text page, keyed by name and labels exactly as written, such as
/// `doorman_oauth_tokens_issued_total{grant_type="refresh_token"}`.
struct ScrapedMetrics {
    let text: String
    let samples: [String: Double]
    /// Sample lines that do not have the form `name{labels} value` or `name value`.
    let malformedLines: [String]

    init(_ text: String) {
        self.text = text
        var samples: [String: Double] = [:]
        var malformed: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Self.number(line[line.index(after: space)...]) else {
                malformed.append(String(line))
                continue
            }
            samples[String(line[..<space])] = value
        }
        self.samples = samples
        malformedLines = malformed
    }

    /// Returns the value of `key`, or nil when the page has no such sample.
    subscript(_ key: String) -> Double? {
        samples[key]
    }

    private static func number(_ text: Substring) -> Double? {
        switch text {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: Double(text)
        }
    }
}
