import DoormanHTTP
import DoormanOAuth

/// A product's dashboard page, where its seller adds plans and web apps.
struct ProductDashboardRoutes: Sendable {
    let context: WebContext
    let sessions: SessionManager

    /// `GET /dashboard/products/:id`: the product's plans and web apps with the forms that add them.
    func show(_ request: Request) throws -> Response {
        guard let signedIn = try sessions.signedIn(request) else {
            return AccountLinks.signInRedirect(for: request)
        }
        let owned = try DashboardAccess(store: context.store, user: signedIn.user).product(request.parameters["id"])
        return try page(owned, signedIn: signedIn, forms: ProductDashboardForms(), status: .ok)
    }

    /// `POST /dashboard/products/:id/plans`: creates a plan of the product and redirects to the product's page.
    func createPlan(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let signedIn = try sessions.verifySignedIn(form, request: request)
        let owned = try DashboardAccess(store: context.store, user: signedIn.user).product(request.parameters["id"])

        var forms = ProductDashboardForms(plan: PlanForm(form))
        let planID = Identifier.make(.plan, using: context.random)
        guard let plan = forms.plan.validate(id: planID, productID: owned.product.id) else {
            return try page(owned, signedIn: signedIn, forms: forms, status: .unprocessableContent)
        }

        try context.store.createPlan(plan)
        context.logChange(
            .planCreated, request: request, user: signedIn.user,
            metadata: ["product.id": "\(owned.product.id)", "plan.id": "\(plan.id)"])
        return PageResponse.redirect(to: DashboardPaths.product(owned.product.id), status: .seeOther)
    }

    /// `POST /dashboard/products/:id/webapps`: registers a web app that the product's members may open, with a
    /// new client id and secret, and redirects to the web app's page, which shows the secret once.
    func createWebApp(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let signedIn = try sessions.verifySignedIn(form, request: request)
        let owned = try DashboardAccess(store: context.store, user: signedIn.user).product(request.parameters["id"])

        var forms = ProductDashboardForms(webApp: WebAppForm(form))
        guard let valid = forms.webApp.validate() else {
            return try page(owned, signedIn: signedIn, forms: forms, status: .unprocessableContent)
        }

        let secret = context.issuer.makeClientSecret()
        let webApp = WebApp(
            id: Identifier.make(.webApp, using: context.random), companyID: owned.company.id, name: valid.name,
            clientID: Identifier.make(.client, using: context.random), clientSecretHash: secret.hash,
            redirectURIs: [valid.callbackURL], productIDs: [owned.product.id], createdAt: context.now())
        try context.store.createWebApp(webApp)
        context.logChange(
            .clientCreated, request: request, user: signedIn.user,
            metadata: [
                "product.id": "\(owned.product.id)", "web_app.id": "\(webApp.id)",
                "oauth.client_id": "\(webApp.clientID)",
            ])

        var response = PageResponse.redirect(to: DashboardPaths.webApp(webApp.id), status: .seeOther)
        let setCookie = SecretReveal.setting(secret.secret, webAppID: webApp.id, context: context)
        response.headers.add(name: "Set-Cookie", value: setCookie)
        return response
    }

    private func page(
        _ owned: (product: Product, company: Company), signedIn: SignedIn, forms: ProductDashboardForms,
        status: HTTPStatus
    ) throws -> Response {
        let page = ProductDashboardPage.render(
            owned.product, company: owned.company, plans: try context.store.plans(productID: owned.product.id),
            webApps: try context.store.webApps(productID: owned.product.id), forms: forms, signedIn: signedIn)
        return PageResponse.page(page, status: status)
    }
}

/// The two forms of a product's dashboard page, one of which may carry the values and messages of a failed
/// submission.
struct ProductDashboardForms {
    var plan = PlanForm()
    var webApp = WebAppForm()
}
