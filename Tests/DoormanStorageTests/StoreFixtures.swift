import DoormanOAuth

/// Records that most conformance tests need, inserted into a store in dependency order.
struct Fixture {
    static let now: Int64 = 1_700_000_000

    let user = User(id: "user_buyer", username: "buyer", passwordHash: "$argon2id$v=19$hash-of-buyer")
    let owner = User(id: "user_owner", username: "owner", passwordHash: "$argon2id$v=19$hash-of-owner")
    let company = Company(id: "biz_one", ownerUserID: "user_owner", name: "One")
    let product = Product(id: "prod_one", companyID: "biz_one", title: "Course")
    let plan = Plan(id: "plan_one", productID: "prod_one", priceCents: 1_000, currency: "usd", renewalPeriod: .days(30))
    let webApp = WebApp(
        id: "exp_one", companyID: "biz_one", name: "Course app", clientID: "app_one",
        clientSecretHash: TokenHash.of("secret"), redirectURIs: ["https://one.example/callback"],
        productIDs: ["prod_one"], createdAt: now)

    /// Inserts the users, the company, the product, the plan and the web app.
    @discardableResult
    static func insert(into store: any DoormanStore) throws -> Fixture {
        let fixture = Fixture()
        try store.createUser(fixture.user)
        try store.createUser(fixture.owner)
        try store.createCompany(fixture.company)
        try store.createProduct(fixture.product)
        try store.createPlan(fixture.plan)
        try store.createWebApp(fixture.webApp)
        return fixture
    }

    /// Returns an unconsumed code of the fixture's user and web app, whose hash is `TokenHash.of(code)`.
    func code(_ code: String, expiresIn lifetime: Int64 = 600) -> AuthorizationCode {
        AuthorizationCode(
            codeHash: TokenHash.of(code), clientID: webApp.clientID, userID: user.id,
            redirectURI: webApp.redirectURIs[0], scope: .default, createdAt: Self.now,
            expiresAt: Self.now + lifetime)
    }

    /// Returns an active access token of the fixture's user and web app in grant `grantID`.
    func accessToken(_ token: String, grantID: String) -> AccessToken {
        AccessToken(
            tokenHash: TokenHash.of(token), clientID: webApp.clientID, userID: user.id, scope: .default,
            grantID: grantID, createdAt: Self.now, expiresAt: Self.now + 7_200)
    }

    /// Returns an active refresh token of the fixture's user and web app in grant `grantID`.
    func refreshToken(_ token: String, grantID: String) -> RefreshToken {
        RefreshToken(
            tokenHash: TokenHash.of(token), clientID: webApp.clientID, userID: user.id, scope: .default,
            grantID: grantID, createdAt: Self.now, expiresAt: Self.now + 2_592_000)
    }
}

extension StoreError {
    /// Whether the error is `.conflict`, whatever key it names.
    var isConflict: Bool {
        if case .conflict = self { true } else { false }
    }

    /// Whether the error is `.missingReference`, whatever record it names.
    var isMissingReference: Bool {
        if case .missingReference = self { true } else { false }
    }
}
