import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Foundation
import Testing

/// Records and requests that the hub and dashboard tests share, on top of `PageFixture`.
extension PageFixture {
    static let secondCallback = "https://other.example/callback"

    /// Adds a product of the fixture company, with a monthly plan and, when `webAppName` is given, a web app.
    @discardableResult
    func addProduct(
        id: String, title: String, visibility: Product.Visibility = .visible, webAppName: String? = nil,
        companyID: String = "biz_charts"
    ) throws -> Product {
        let product = Product(id: id, companyID: companyID, title: title, visibility: visibility)
        try store.createProduct(product)
        try store.createPlan(
            Plan(
                id: "plan_" + id.dropFirst(5), productID: id, priceCents: 500, currency: "usd",
                renewalPeriod: .days(30)))
        if let webAppName {
            try store.createWebApp(
                WebApp(
                    id: "exp_" + id.dropFirst(5), companyID: companyID, name: webAppName,
                    clientID: "app_" + id.dropFirst(5), clientSecretHash: TokenHash.of("secret of \(id)"),
                    redirectURIs: [Self.secondCallback], productIDs: [id], createdAt: Self.start))
        }
        return product
    }

    /// Adds a second seller, `rival`, with a company, a product, a plan, a web app and a buyer's membership.
    func addRivalSeller() throws {
        let hash = try store.user(id: "user_seller")?.passwordHash ?? ""
        try store.createUser(User(id: "user_rival", username: "rival", passwordHash: hash))
        try store.createCompany(Company(id: "biz_rival", ownerUserID: "user_rival", name: "Rival Inc"))
        try addProduct(id: "prod_rival", title: "Rival product", webAppName: "Rival app", companyID: "biz_rival")
        try store.createMembership(
            Membership(
                id: "mem_rival", userID: member.id, productID: "prod_rival", planID: "plan_rival",
                companyID: "biz_rival", status: .active, createdAt: Self.start))
    }
}

extension PageClient {
    /// Fetches `page` and posts `fields` to `target` with the CSRF token of that page.
    @discardableResult
    func submit(_ target: String, from page: String = "/", _ fields: [(String, String)] = []) async throws
        -> TestConnection.Reply
    {
        let token = try #require(try await get(page).hiddenField("csrf_token"))
        return try await post(target, form: [("csrf_token", token)] + fields)
    }

    /// Drops the current session and signs in as `username`.
    func switchUser(to username: String) async throws {
        setCookie("doorman_session", nil)
        let reply = try await signIn(username: username)
        #expect(reply.status == 303, "sign-in as \(username)")
    }

    /// Signs up through the form and returns the reply of `POST /signup`.
    @discardableResult
    func signUp(_ fields: [(String, String)]) async throws -> TestConnection.Reply {
        try await submit("/signup", from: "/signup", fields)
    }
}

extension TestConnection.Reply {
    /// The targets of the page's forms, in document order.
    var formActions: [String] {
        PageText.components(of: text, between: "<form method=\"post\" action=\"", and: "\"").map(PageText.unescape)
    }

    /// The text of the element with `class="secret"`, or nil.
    var revealedSecret: String? {
        PageText.components(of: text, between: "<div class=\"secret\"", and: "</div>").first.flatMap { box in
            PageText.components(of: box, between: "<code>", and: "</code>").first.map(PageText.unescape)
        }
    }
}
