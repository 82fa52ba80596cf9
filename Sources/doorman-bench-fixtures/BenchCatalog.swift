import DoormanCrypto
import DoormanOAuth

/// The records that every benchmark request relies on: a seller's company, product and plan, a buyer with an
/// active membership, and a confidential web app that serves the product.
struct BenchCatalog {
    static let sellerUsername = "bench-seller"
    static let buyerUsername = "bench-buyer"
    /// The web app's only registered callback. Nothing needs to listen there, because wrk reads the token response.
    static let redirectURI = "http://127.0.0.1/callback/whop"

    let buyer: User
    let webApp: WebApp

    /// Finds the benchmark records in `store`, creating whichever are missing, so that a second run on the same
    /// database reuses them.
    static func ensure(in store: any DoormanStore, at now: Int64) throws -> BenchCatalog {
        let seller = try ensureUser(sellerUsername, in: store)
        let buyer = try ensureUser(buyerUsername, in: store)

        let company = try ensureCompany(ownerID: seller.id, in: store)
        let product = try ensureProduct(companyID: company.id, in: store)
        let plan = try ensurePlan(productID: product.id, in: store)

        try ensureMembership(buyer: buyer, plan: plan, companyID: company.id, in: store, at: now)
        let webApp = try ensureWebApp(companyID: company.id, productID: product.id, in: store, at: now)
        return BenchCatalog(buyer: buyer, webApp: webApp)
    }

    private static func ensureCompany(ownerID: String, in store: any DoormanStore) throws -> Company {
        if let company = try store.companies(ownerUserID: ownerID).first {
            return company
        }
        let company = Company(id: Identifier.make(.company), ownerUserID: ownerID, name: "Bench Company")
        try store.createCompany(company)
        return company
    }

    private static func ensureProduct(companyID: String, in store: any DoormanStore) throws -> Product {
        if let product = try store.products(companyID: companyID).first {
            return product
        }
        let product = Product(id: Identifier.make(.product), companyID: companyID, title: "Bench Product")
        try store.createProduct(product)
        return product
    }

    private static func ensurePlan(productID: String, in store: any DoormanStore) throws -> Plan {
        if let plan = try store.plans(productID: productID).first {
            return plan
        }
        let plan = Plan(
            id: Identifier.make(.plan), productID: productID, priceCents: 1000, currency: "usd",
            renewalPeriod: .days(30))
        try store.createPlan(plan)
        return plan
    }

    /// Creates the user with a random password, because no benchmark signs in through the browser.
    private static func ensureUser(_ username: String, in store: any DoormanStore) throws -> User {
        if let user = try store.user(username: username) {
            return user
        }
        let passwordHash = try PasswordHasher(limits: .minimum).hash(password: SecureRandom.token(bytes: 32))
        let user = User(id: Identifier.make(.user), username: username, passwordHash: passwordHash)
        try store.createUser(user)
        return user
    }

    private static func ensureMembership(
        buyer: User, plan: Plan, companyID: String, in store: any DoormanStore, at now: Int64
    ) throws {
        let memberships = try store.memberships(userID: buyer.id)
        if memberships.contains(where: { $0.productID == plan.productID && $0.isValid(at: now) }) {
            return
        }
        let membership = Membership(
            id: Identifier.make(.membership), userID: buyer.id, productID: plan.productID, planID: plan.id,
            companyID: companyID, status: .active, createdAt: now)
        try store.createMembership(membership)
    }

    private static func ensureWebApp(
        companyID: String, productID: String, in store: any DoormanStore, at now: Int64
    ) throws -> WebApp {
        if let webApp = try store.webApps(companyID: companyID).first {
            return webApp
        }
        let webApp = WebApp(
            id: Identifier.make(.webApp), companyID: companyID, name: "Bench Web App",
            clientID: Identifier.make(.client), clientSecretHash: TokenHash.of(SecureRandom.token(bytes: 32)),
            redirectURIs: [redirectURI], productIDs: [productID], createdAt: now)
        try store.createWebApp(webApp)
        return webApp
    }

    /// Replaces the web app's client secret with a new one and returns it, because only its hash is stored.
    func rotateClientSecret(in store: any DoormanStore) throws -> String {
        let (secret, hash) = TokenIssuer().makeClientSecret()
        guard try store.setClientSecretHash(hash, webAppID: webApp.id) else {
            throw FixtureError.failed("web app \(webApp.id) disappeared while its secret was replaced; run again")
        }
        return secret
    }
}
