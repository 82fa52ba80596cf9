import DemoWebApp
import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import DoormanWeb
import Foundation
import Testing

/// A Doorman server with the real SQLite store and the API routes, and the demo web app in front of it, each on
/// its own loopback port, with a buyer who has a membership and a visitor who has none.
///
/// Codes are stored through the store, as the hub and the authorize page store them, because those pages are
/// not what these tests are about: `launchCode(for:)` makes a hub launch's code and `code(for:user:)` the code
/// of an authorization URL that the app sent the browser to.
struct LiveDemo {
    static let clientID = "app_demo_tests"
    static let clientSecret = "demo-tests-client-secret-0123456789abcdef"
    /// The app's public address in the tests. Only the redirect URI is made from it, and that is never
    /// followed, so it does not need to be the port the app listens on.
    static let publicURL = "http://127.0.0.1:8081"

    let store: SQLiteStore
    let doormanURL: String
    let appPort: Int
    let buyer: DoormanOAuth.User
    let visitor: DoormanOAuth.User
    let product: Product
    let webApp: WebApp
    let membership: DoormanOAuth.Membership

    /// Returns a new browser with an empty cookie jar, pointed at the demo app.
    func browser() -> Browser {
        Browser(port: appPort)
    }

    /// Stores a code for `user` as the hub's Open button makes it: no redirect URI, no PKCE, no state.
    func launchCode(for user: DoormanOAuth.User) throws -> String {
        let issued = TokenIssuer().issueLaunchCode(for: webApp, userID: user.id, at: now())
        try store.saveAuthorizationCode(issued.record)
        return issued.code
    }

    /// Validates `authorizationURL` with Doorman's rules and stores a code for `user` bound to its PKCE
    /// challenge and redirect URI, as the authorize page does after sign-in and consent.
    func code(for authorizationURL: String, user: DoormanOAuth.User) throws -> String {
        let components = try #require(URLComponents(string: authorizationURL))
        let parameters = (components.queryItems ?? []).map { (name: $0.name, value: $0.value ?? "") }
        let outcome = try AuthorizeRequest.validate(
            parameters: parameters, lookupClient: { clientID in try store.webApp(clientID: clientID) },
            allowPlainPKCE: false)
        guard case .proceed(let validated) = outcome else {
            Issue.record("Doorman rejected the app's authorization URL: \(outcome)")
            throw DemoTestFailure.rejectedAuthorization
        }

        let issued = TokenIssuer().issueCode(for: validated, userID: user.id, at: now())
        try store.saveAuthorizationCode(issued.record)
        return issued.code
    }

    func now() -> Int64 {
        Int64(Date().timeIntervalSince1970)
    }
}

enum DemoTestFailure: Error {
    case rejectedAuthorization
}

/// Runs `body` with a new Doorman server, database and demo app, all removed afterwards.
func withLiveDemo(_ body: (LiveDemo) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("demo-webapp-tests-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    let store = try SQLiteStore.open(path: directory.path + "/doorman.sqlite3")
    defer { try? store.close() }
    let records = try DemoRecords.insert(into: store)

    let context = WebContext(store: store, now: { Int64(Date().timeIntervalSince1970) }, logger: quietLogger())
    var doormanRouter = Router()
    APIRoutes.register(on: &doormanRouter, context: context)

    try withLiveServer(doormanRouter) { _, doormanPort in
        let doormanURL = "http://127.0.0.1:\(doormanPort)"
        let configuration = DemoConfiguration(
            publicURL: URL(string: LiveDemo.publicURL), doormanURL: try #require(URL(string: doormanURL)),
            clientID: LiveDemo.clientID, clientSecret: LiveDemo.clientSecret, productID: records.product.id)
        let app = DemoWebApp(configuration: configuration, logger: quietLogger())

        try withLiveServer(app.makeRouter()) { _, appPort in
            try body(
                LiveDemo(
                    store: store, doormanURL: doormanURL, appPort: appPort, buyer: records.buyer,
                    visitor: records.visitor, product: records.product, webApp: records.webApp,
                    membership: records.membership))
        }
    }
}

/// The records every test starts with.
struct DemoRecords {
    let buyer: DoormanOAuth.User
    let visitor: DoormanOAuth.User
    let product: Product
    let webApp: WebApp
    let membership: DoormanOAuth.Membership

    static func insert(into store: SQLiteStore) throws -> DemoRecords {
        let now = Int64(Date().timeIntervalSince1970)
        let seller = DoormanOAuth.User(id: "user_seller", username: "seller", passwordHash: "unused")
        let buyer = DoormanOAuth.User(id: "user_buyer", username: "buyer", name: "Ada <Buyer>", passwordHash: "unused")
        let visitor = DoormanOAuth.User(
            id: "user_visitor", username: "visitor", name: "Vic Visitor", passwordHash: "unused")
        let company = Company(id: "biz_demo", ownerUserID: seller.id, name: "Demo Company")
        let product = Product(id: "prod_demo", companyID: company.id, title: "Demo Course")
        let plan = Plan(
            id: "plan_demo", productID: product.id, priceCents: 1_999, currency: "usd", renewalPeriod: .days(30))
        let webApp = WebApp(
            id: "exp_demo", companyID: company.id, name: "Demo Course Site", clientID: LiveDemo.clientID,
            clientSecretHash: TokenHash.of(LiveDemo.clientSecret),
            redirectURIs: [LiveDemo.publicURL + "/callback/whop"],
            productIDs: [product.id], createdAt: now)
        let membership = DoormanOAuth.Membership(
            id: "mem_buyer", userID: buyer.id, productID: product.id, planID: plan.id, companyID: company.id,
            status: .active, createdAt: now - 86_400, renewalPeriodStart: now - 86_400,
            renewalPeriodEnd: now + 29 * 86_400)

        for user in [seller, buyer, visitor] {
            try store.createUser(user)
        }
        try store.createCompany(company)
        try store.createProduct(product)
        try store.createPlan(plan)
        try store.createWebApp(webApp)
        try store.createMembership(membership)
        return DemoRecords(buyer: buyer, visitor: visitor, product: product, webApp: webApp, membership: membership)
    }
}
