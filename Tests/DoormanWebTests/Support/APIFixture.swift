import DoormanCrypto
import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import DoormanWeb
import Foundation
import Logging

/// A buyer with a membership, a seller's catalog and two web apps in a real SQLite store on a temporary file,
/// served by a live server on a loopback port with the API routes.
struct APIFixture: Sendable {
    /// The injected start time: 2025-12-05T00:00:00Z.
    static let start: Int64 = 1_764_892_800
    static let clientSecret = "secret-of-the-course-app"
    static let otherClientSecret = "secret-of-the-other-app"
    static let redirectURI = "https://course.example/callback"
    static let otherRedirectURI = "https://other.example/callback"
    static let publicURL = "https://doorman.example"

    let store: SQLiteStore
    let clock: TestClock
    let log: CapturedLog
    let context: WebContext
    let client: TestClient

    let user = User(id: "user_buyer", username: "buyer", name: "Ada Buyer", email: "ada@example.com", passwordHash: "")
    let otherUser = User(id: "user_other", username: "other", passwordHash: "")
    let seller = User(id: "user_seller", username: "seller", passwordHash: "")
    let company = Company(id: "biz_course", ownerUserID: "user_seller", name: "Course Company")
    let product = Product(id: "prod_course", companyID: "biz_course", title: "Course")
    let otherProduct = Product(id: "prod_other", companyID: "biz_course", title: "Other course")
    let plan = Plan(
        id: "plan_course", productID: "prod_course", priceCents: 1_000, currency: "usd", renewalPeriod: .days(30))
    let otherPlan = Plan(
        id: "plan_other", productID: "prod_other", priceCents: 500, currency: "usd", renewalPeriod: .oneTime)
    let membership = Membership(
        id: "mem_buyer", userID: "user_buyer", productID: "prod_course", planID: "plan_course",
        companyID: "biz_course", status: .active, createdAt: start - 86_400)
    let webApp = WebApp(
        id: "exp_course", companyID: "biz_course", name: "Course app", clientID: "app_course",
        clientSecretHash: TokenHash.of(clientSecret), redirectURIs: [redirectURI], productIDs: ["prod_course"],
        createdAt: start)
    let otherWebApp = WebApp(
        id: "exp_other", companyID: "biz_course", name: "Other app", clientID: "app_other",
        clientSecretHash: TokenHash.of(otherClientSecret), redirectURIs: [otherRedirectURI],
        productIDs: ["prod_other"], createdAt: start)

    /// Runs `body` with a new fixture and its live server with `settings`, and removes the database afterwards.
    ///
    /// Setting up and tearing down run on a Dispatch thread, as the requests do, so that a test occupies no thread
    /// of Swift's cooperative pool while it waits on files or sockets. Rate limits are off unless a test passes
    /// some, because other tests send bursts from one client and address; `RateLimitEndpointTests` covers them.
    static func run(
        settings: OAuthSettings = OAuthSettings(), rateLimits: RateLimitSettings = .disabled, trustedProxies: [IPAddressRange] = [],
        _ body: (APIFixture) async throws -> Void
    ) async throws {
        let resources = try await runBlocking {
            try FixtureResources(settings: settings, rateLimits: rateLimits, trustedProxies: trustedProxies)
        }
        do {
            try await body(resources.fixture)
        } catch {
            try await runBlocking { resources.stop() }
            throw error
        }
        try await runBlocking { resources.stop() }
    }

    fileprivate func insertRecords() throws {
        let hasher = PasswordHasher(limits: .minimum)
        for var person in [user, otherUser, seller] {
            person.passwordHash = try hasher.hash(password: "password of \(person.username)")
            try store.createUser(person)
        }
        try store.createCompany(company)
        try store.createProduct(product)
        try store.createProduct(otherProduct)
        try store.createPlan(plan)
        try store.createPlan(otherPlan)
        try store.createMembership(membership)
        try store.createWebApp(webApp)
        try store.createWebApp(otherWebApp)
    }
}

extension APIFixture {
    /// Issues a code through the token issuer, as the authorize endpoint does, stores it and returns it.
    ///
    /// - Parameters:
    ///   - requestedRedirectURI: The `redirect_uri` of the authorization request, nil when it sent none.
    ///   - verifier: A PKCE verifier whose S256 challenge binds the code, or nil for none.
    func mintCode(
        for app: WebApp? = nil, userID: String? = nil, requestedRedirectURI: String? = redirectURI,
        scope: Scope = .default, verifier: String? = nil
    ) throws -> String {
        let app = app ?? webApp
        let authorization = ValidatedAuthorization(
            client: app, redirectURI: app.redirectURIs[0], requestedRedirectURI: requestedRedirectURI, scope: scope,
            state: nil, codeChallenge: verifier.map { PKCE.challenge(for: $0, method: .s256) },
            codeChallengeMethod: verifier == nil ? nil : .s256)
        let issued = context.issuer.issueCode(for: authorization, userID: userID ?? user.id, at: clock.now)
        try store.saveAuthorizationCode(issued.record)
        return issued.code
    }

    /// The form parameters of a token request for `code` by the course app, with the secret in the body.
    func codeParameters(_ code: String) -> [(String, String)] {
        [
            ("grant_type", "authorization_code"), ("code", code), ("client_id", webApp.clientID),
            ("client_secret", Self.clientSecret), ("redirect_uri", Self.redirectURI),
        ]
    }

    /// Redeems a new code at the token endpoint and returns the parsed 200 body.
    func issueTokens(scope: Scope = .default) async throws -> JSONValue {
        let code = try mintCode(scope: scope)
        let reply = try await client.postForm("/v5/oauth/token", codeParameters(code))
        guard reply.status == 200 else {
            throw UnexpectedReply(status: reply.status, body: reply.text)
        }
        return reply.json
    }

    /// Redeems a new code and returns the access token.
    func accessToken() async throws -> String {
        try await issueTokens()["access_token"]?.stringValue ?? ""
    }
}

/// A reply with another status than the test setup needs.
struct UnexpectedReply: Error, CustomStringConvertible {
    let status: Int
    let body: String

    var description: String {
        "expected 200, got \(status): \(body)"
    }
}

/// What an `APIFixture` runs on: a database file in a temporary directory and a live server on an ephemeral
/// loopback port, which `stop()` shuts down and removes.
private final class FixtureResources: Sendable {
    let directory: URL
    let store: SQLiteStore
    let server: HTTPServer
    let fixture: APIFixture

    init(settings: OAuthSettings, rateLimits: RateLimitSettings, trustedProxies: [IPAddressRange]) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("doorman-api-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore.open(path: directory.path + "/doorman.sqlite3", poolSize: 8)

        let clock = TestClock(APIFixture.start)
        let log = CapturedLog()
        let logger = Logger(label: "doorman.api.test") { _ in CapturingLogHandler(log: log) }
        var settings = settings
        settings.rateLimits = rateLimits
        let context = WebContext(
            store: store, now: { clock.now }, settings: settings, logger: logger,
            publicURL: PublicBaseURL(APIFixture.publicURL))
        var router = Router()
        APIRoutes.register(on: &router, context: context)

        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.trustedProxies = trustedProxies
        server = HTTPServer(configuration: configuration, router: router, logger: quietLogger())
        try server.start()
        fixture = APIFixture(
            store: store, clock: clock, log: log, context: context, client: TestClient(port: server.port ?? 0))
        try fixture.insertRecords()
    }

    /// Shuts the server down, closes the store and removes the directory.
    func stop() {
        _ = server.shutdown()
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
