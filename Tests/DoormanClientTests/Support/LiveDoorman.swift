import DoormanClient
import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import DoormanWeb
import Foundation
import Testing

/// A Doorman server on loopback with the real SQLite store and API routes, seeded with one buyer, one seller,
/// and a web app whose client secret the tests know.
///
/// Authorization codes are minted through the store, because the browser-facing authorize page is not part
/// of the API routes: `issueCode(for:)` validates the SDK's authorization URL with Doorman's own rules first.
struct LiveDoorman: Sendable {
    static let clientID = "app_sdk_tests"
    static let clientSecret = "sdk-tests-client-secret-0123456789abcdef"
    static let redirectURI = "https://sdk.example/callback/whop"

    let store: SQLiteStore
    let baseURL: URL
    let now: Int64
    let buyer: DoormanOAuth.User
    let product: Product
    let otherProduct: Product
    let webApp: WebApp
    let activeMembership: DoormanOAuth.Membership
    let expiredMembership: DoormanOAuth.Membership

    /// Returns the SDK configuration of the seeded web app, pointed at this server.
    func configuration(clientSecret: String? = LiveDoorman.clientSecret) -> OAuthConfiguration {
        OAuthConfiguration(
            clientID: Self.clientID, clientSecret: clientSecret, redirectURI: Self.redirectURI,
            endpoints: .doorman(baseURL: baseURL), requestTimeout: .seconds(60))
    }

    /// Returns a client of the seeded web app with the default transport.
    func client(clientSecret: String? = LiveDoorman.clientSecret) -> OAuthClient {
        OAuthClient(configuration: configuration(clientSecret: clientSecret))
    }

    /// Validates `request.url` with Doorman's authorization rules, then stores a code for the buyer, as the
    /// authorize page does once the buyer has signed in and consented.
    func issueCode(for request: AuthorizationRequest) throws -> String {
        let components = try #require(URLComponents(url: request.url, resolvingAgainstBaseURL: false))
        let parameters = (components.queryItems ?? []).map { (name: $0.name, value: $0.value ?? "") }
        let outcome = try AuthorizeRequest.validate(
            parameters: parameters, lookupClient: { clientID in try store.webApp(clientID: clientID) },
            allowPlainPKCE: false)
        var authorization: ValidatedAuthorization?
        if case .proceed(let validated) = outcome {
            authorization = validated
        }

        let validated = try #require(authorization, "Doorman rejected the SDK's authorization URL: \(outcome)")
        let issued = TokenIssuer().issueCode(for: validated, userID: buyer.id, at: now)
        try store.saveAuthorizationCode(issued.record)
        return issued.code
    }

    /// Stores a code for the buyer as a launch from the hub makes it: no redirect URI, no PKCE, no state.
    func issueLaunchCode() throws -> String {
        let issued = TokenIssuer().issueLaunchCode(for: webApp, userID: buyer.id, at: now)
        try store.saveAuthorizationCode(issued.record)
        return issued.code
    }

    /// Runs the authorization code flow through the SDK and returns the tokens.
    func signIn(_ client: OAuthClient) async throws -> TokenSet {
        let request = client.makeAuthorizationRequest()
        return try await client.exchange(code: try issueCode(for: request), codeVerifier: request.codeVerifier)
    }
}

/// Runs `body` with a new Doorman server with `settings` on an ephemeral loopback port and a new database,
/// removed afterwards.
func withLiveDoorman<Value>(
    settings: OAuthSettings = OAuthSettings(), _ body: (LiveDoorman) async throws -> Value
) async throws -> Value {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("doorman-client-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    let store = try SQLiteStore.open(path: directory.appendingPathComponent("doorman.sqlite3").path)
    defer { try? store.close() }

    // The server's clock is fixed at the start of the test, so issue times are known exactly.
    let now = Int64(Date().timeIntervalSince1970)
    let context = WebContext(store: store, now: { now }, settings: settings, logger: quietLogger())
    var router = Router()
    APIRoutes.register(on: &router, context: context)

    return try await withLoopbackServer(router) { baseURL in
        try await body(try seed(store, baseURL: baseURL, now: now))
    }
}

private func seed(_ store: SQLiteStore, baseURL: URL, now: Int64) throws -> LiveDoorman {
    let day: Int64 = 86_400
    let buyer = DoormanOAuth.User(
        id: "user_buyer", username: "buyer", name: "Ada Buyer", email: "ada@example.com", passwordHash: "unused")
    let seller = DoormanOAuth.User(id: "user_seller", username: "seller", passwordHash: "unused")
    let company = Company(id: "biz_seller", ownerUserID: seller.id, name: "Seller")
    let product = Product(id: "prod_course", companyID: company.id, title: "Course")
    let otherProduct = Product(id: "prod_other", companyID: company.id, title: "Other")
    let plan = Plan(
        id: "plan_monthly", productID: product.id, priceCents: 1_000, currency: "usd", renewalPeriod: .days(30))
    let otherPlan = Plan(
        id: "plan_other", productID: otherProduct.id, priceCents: 500, currency: "usd", renewalPeriod: .oneTime)
    let webApp = WebApp(
        id: "exp_course_app", companyID: company.id, name: "Course app", clientID: LiveDoorman.clientID,
        clientSecretHash: TokenHash.of(LiveDoorman.clientSecret), redirectURIs: [LiveDoorman.redirectURI],
        productIDs: [product.id], createdAt: now)
    let active = DoormanOAuth.Membership(
        id: "mem_active", userID: buyer.id, productID: product.id, planID: plan.id, companyID: company.id,
        status: .active, createdAt: now - 10 * day, renewalPeriodStart: now - 10 * day,
        renewalPeriodEnd: now + 20 * day, licenseKey: "KEY-1", metadata: ["seat": "3"])
    let expired = DoormanOAuth.Membership(
        id: "mem_expired", userID: buyer.id, productID: otherProduct.id, planID: otherPlan.id, companyID: company.id,
        status: .expired, createdAt: now - 100 * day, expiresAt: now - 50 * day)

    try store.createUser(buyer)
    try store.createUser(seller)
    try store.createCompany(company)
    try store.createProduct(product)
    try store.createProduct(otherProduct)
    try store.createPlan(plan)
    try store.createPlan(otherPlan)
    try store.createWebApp(webApp)
    try store.createMembership(active)
    try store.createMembership(expired)

    return LiveDoorman(
        store: store, baseURL: baseURL, now: now, buyer: buyer, product: product, otherProduct: otherProduct,
        webApp: webApp, activeMembership: active, expiredMembership: expired)
}
