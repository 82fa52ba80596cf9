import DoormanCrypto
import DoormanHTTP
import DoormanOAuth

/// The buyer's pages: the hub home and the membership page.
struct HubRoutes: Sendable {
    /// Path prefix of a membership's page, the `manage_url` that the v5 API sends for it.
    static let membershipPathPrefix = "/hub/memberships/"

    let context: WebContext
    let sessions: SessionManager

    /// Adds every buyer route to `router`: the hub home, sign-up, product pages, purchase, membership pages
    /// and launching web apps.
    static func register(
        on router: inout Router, context: WebContext, sessions: SessionManager, handler: PageHandler,
        passwordHasher: PasswordHasher
    ) {
        let hub = HubRoutes(context: context, sessions: sessions)
        let products = ProductRoutes(context: context, sessions: sessions)
        let launch = LaunchRoutes(context: context, sessions: sessions)
        let signUp = SignUpRoutes(context: context, sessions: sessions, hasher: passwordHasher)

        router.get("/", use: handler.wrap(hub.home))
        router.get(membershipPathPrefix + ":id", use: handler.wrap(hub.membership))
        router.get(AccountLinks.signUpPath, use: handler.wrap(signUp.showForm))
        router.post(AccountLinks.signUpPath, use: handler.wrap(signUp.submit))
        router.get("/products/:id", use: handler.wrap(products.show))
        router.post("/products/:id/purchase", use: handler.wrap(products.purchase))
        router.post("/hub/webapps/:id/open", use: handler.wrap(launch.open))
    }

    /// `GET /`: the signed-in user's products with their web apps, or the sign-in links for a visitor. Both
    /// list the products that the hub shows publicly.
    func home(_ request: Request) throws -> Response {
        let catalog = CatalogReader(store: context.store)
        let visible = try context.store.visibleProducts()
        guard let signedIn = try sessions.signedIn(request) else {
            return PageResponse.page(HubHomePage.signedOut(products: try catalog.listings(of: visible)))
        }

        let held = try catalog.heldMemberships(of: signedIn.user)
        let heldProductIDs = Set(held.map(\.product.id))
        let others = try catalog.listings(of: visible.filter { !heldProductIDs.contains($0.id) })
        return PageResponse.page(HubHomePage.signedIn(signedIn, held: held, others: others, now: context.now()))
    }

    /// `GET /hub/memberships/:id`: one membership, shown only to the user who has it.
    ///
    /// Every other user gets the same not-found page as for a membership that does not exist.
    func membership(_ request: Request) throws -> Response {
        guard let signedIn = try sessions.signedIn(request) else {
            return AccountLinks.signInRedirect(for: request)
        }
        guard let id = request.identifier(.membership), let membership = try context.store.membership(id: id),
            membership.userID.utf8.elementsEqual(signedIn.user.id.utf8)
        else {
            throw PageError.notFound
        }

        let catalog = CatalogReader(store: context.store)
        guard let held = try catalog.heldMembership(membership) else {
            throw PageError.notFound
        }
        let plan = try context.store.plan(id: membership.planID)
        return PageResponse.page(MembershipPage.render(held, plan: plan, signedIn: signedIn, now: context.now()))
    }
}
