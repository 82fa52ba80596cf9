import DoormanHTTP
import DoormanOAuth

/// The seller dashboard: companies, their products, plans, web apps and members.
///
/// Routes, all for a signed-in user, who reaches only the companies they own:
/// - `GET /dashboard`, `POST /dashboard/companies`: the user's companies and the form that creates one.
/// - `GET /dashboard/companies/:id`, `POST /dashboard/companies/:id/products`: a company and its products.
/// - `GET /dashboard/products/:id`, `POST /dashboard/products/:id/plans`, `POST /dashboard/products/:id/webapps`:
///   a product with its plans and web apps.
/// - `GET /dashboard/products/:id/members`, `POST /dashboard/memberships/:id/cancel`: a product's members.
/// - `GET /dashboard/webapps/:id`, `POST /dashboard/webapps/:id/rotate-secret`, `POST /dashboard/webapps/:id/pkce`:
///   a web app, its secret and its PKCE requirement.
///
/// A GET from a visitor redirects to the sign-in form. Every POST carries the CSRF token and ends in a 303
/// redirect, unless a field is invalid, which shows the form again with status 422.
struct DashboardRoutes: Sendable {
    let context: WebContext
    let sessions: SessionManager

    /// Adds the dashboard routes to `router`.
    static func register(on router: inout Router, context: WebContext, sessions: SessionManager, handler: PageHandler) {
        let companies = DashboardRoutes(context: context, sessions: sessions)
        let products = ProductDashboardRoutes(context: context, sessions: sessions)
        let webApps = WebAppDashboardRoutes(context: context, sessions: sessions)
        let members = MemberDashboardRoutes(context: context, sessions: sessions)

        router.get(DashboardPaths.home, use: handler.wrap(companies.home))
        router.post(DashboardPaths.companies, use: handler.wrap(companies.createCompany))
        router.get(DashboardPaths.company(":id"), use: handler.wrap(companies.showCompany))
        router.post(DashboardPaths.company(":id") + "/products", use: handler.wrap(companies.createProduct))
        router.get(DashboardPaths.product(":id"), use: handler.wrap(products.show))
        router.post(DashboardPaths.product(":id") + "/plans", use: handler.wrap(products.createPlan))
        router.post(DashboardPaths.product(":id") + "/webapps", use: handler.wrap(products.createWebApp))
        router.get(DashboardPaths.members(":id"), use: handler.wrap(members.show))
        router.post(DashboardPaths.cancelMembership(":id"), use: handler.wrap(members.cancel))
        router.get(DashboardPaths.webApp(":id"), use: handler.wrap(webApps.show))
        router.post(DashboardPaths.webApp(":id") + "/rotate-secret", use: handler.wrap(webApps.rotateSecret))
        router.post(DashboardPaths.webApp(":id") + "/pkce", use: handler.wrap(webApps.setRequirePKCE))
    }

    /// `GET /dashboard`: the companies the user owns and the form that creates one.
    func home(_ request: Request) throws -> Response {
        guard let signedIn = try sessions.signedIn(request) else {
            return AccountLinks.signInRedirect(for: request)
        }
        return try homePage(signedIn, form: CompanyForm(), status: .ok)
    }

    /// `POST /dashboard/companies`: creates a company owned by the user and redirects to its page.
    func createCompany(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let signedIn = try sessions.verifySignedIn(form, request: request)
        var fields = CompanyForm(form)
        guard let name = fields.validate() else {
            return try homePage(signedIn, form: fields, status: .unprocessableContent)
        }

        let company = Company(
            id: Identifier.make(.company, using: context.random), ownerUserID: signedIn.user.id, name: name)
        try context.store.createCompany(company)
        context.logChange(
            .companyCreated, request: request, user: signedIn.user, metadata: ["company.id": "\(company.id)"])
        return PageResponse.redirect(to: DashboardPaths.company(company.id), status: .seeOther)
    }

    /// `GET /dashboard/companies/:id`: the company's products and web apps, and the form that creates a product.
    func showCompany(_ request: Request) throws -> Response {
        guard let signedIn = try sessions.signedIn(request) else {
            return AccountLinks.signInRedirect(for: request)
        }
        let company = try DashboardAccess(store: context.store, user: signedIn.user)
            .company(request.parameters["id"])
        return try companyPage(company, signedIn: signedIn, form: ProductForm(), status: .ok)
    }

    /// `POST /dashboard/companies/:id/products`: creates a product of the company and redirects to its page.
    func createProduct(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let signedIn = try sessions.verifySignedIn(form, request: request)
        let company = try DashboardAccess(store: context.store, user: signedIn.user)
            .company(request.parameters["id"])
        var fields = ProductForm(form)
        guard let valid = fields.validate() else {
            return try companyPage(company, signedIn: signedIn, form: fields, status: .unprocessableContent)
        }

        let product = Product(
            id: Identifier.make(.product, using: context.random), companyID: company.id, title: valid.title,
            visibility: valid.visibility)
        try context.store.createProduct(product)
        context.logChange(
            .productCreated, request: request, user: signedIn.user,
            metadata: ["company.id": "\(company.id)", "product.id": "\(product.id)"])
        return PageResponse.redirect(to: DashboardPaths.product(product.id), status: .seeOther)
    }

    private func homePage(_ signedIn: SignedIn, form: CompanyForm, status: HTTPStatus) throws -> Response {
        let companies = try context.store.companies(ownerUserID: signedIn.user.id)
        return PageResponse.page(DashboardHomePage.render(companies, form: form, signedIn: signedIn), status: status)
    }

    private func companyPage(_ company: Company, signedIn: SignedIn, form: ProductForm, status: HTTPStatus) throws
        -> Response
    {
        let page = CompanyDashboardPage.render(
            company, products: try context.store.products(companyID: company.id),
            webApps: try context.store.webApps(companyID: company.id), form: form, signedIn: signedIn)
        return PageResponse.page(page, status: status)
    }
}
