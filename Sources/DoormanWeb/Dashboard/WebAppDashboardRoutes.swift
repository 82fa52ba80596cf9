import DoormanHTTP
import DoormanOAuth

/// A web app's dashboard page, where its seller reads the client id and rotates the client secret.
struct WebAppDashboardRoutes: Sendable {
    let context: WebContext
    let sessions: SessionManager

    /// `GET /dashboard/webapps/:id`: the client id, callback URLs and products, and the new client secret on
    /// the one view right after it was made.
    func show(_ request: Request) throws -> Response {
        guard let signedIn = try sessions.signedIn(request) else {
            return AccountLinks.signInRedirect(for: request)
        }
        let owned = try DashboardAccess(store: context.store, user: signedIn.user).webApp(request.parameters["id"])
        let reveal = SecretReveal.take(from: request, for: owned.webApp, context: context)

        var products: [Product] = []
        for productID in owned.webApp.productIDs {
            if let product = try context.store.product(id: productID) {
                products.append(product)
            }
        }
        let page = WebAppDashboardPage.render(
            owned.webApp, company: owned.company, products: products, newSecret: reveal.secret, signedIn: signedIn)
        var response = PageResponse.page(page)
        if let clearCookie = reveal.clearCookie {
            response.headers.add(name: "Set-Cookie", value: clearCookie)
        }
        return response
    }

    /// `POST /dashboard/webapps/:id/rotate-secret`: replaces the client secret, so the previous one stops
    /// working at once, and redirects to the web app's page, which shows the new secret once.
    func rotateSecret(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let signedIn = try sessions.verifySignedIn(form, request: request)
        let webApp = try DashboardAccess(store: context.store, user: signedIn.user)
            .webApp(request.parameters["id"]).webApp
        guard !webApp.isPublic else {
            throw PageError.publicClient
        }

        let secret = context.issuer.makeClientSecret()
        guard try context.store.setClientSecretHash(secret.hash, webAppID: webApp.id) else {
            throw PageError.notFound
        }
        context.logChange(
            .clientSecretRotated, request: request, user: signedIn.user,
            metadata: ["web_app.id": "\(webApp.id)", "oauth.client_id": "\(webApp.clientID)"])

        var response = PageResponse.redirect(to: DashboardPaths.webApp(webApp.id), status: .seeOther)
        let setCookie = SecretReveal.setting(secret.secret, webAppID: webApp.id, context: context)
        response.headers.add(name: "Set-Cookie", value: setCookie)
        return response
    }
}

extension WebAppDashboardRoutes {
    /// `POST /dashboard/webapps/:id/pkce`: turns the PKCE requirement of a client with a secret on
    /// (`require_pkce=true`) or off (`require_pkce=false`) and redirects to the web app's page.
    ///
    /// A public client always needs PKCE (RFC 9700 section 2.1.1), so the form does not exist for one and a
    /// request for one is refused with 409.
    func setRequirePKCE(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let signedIn = try sessions.verifySignedIn(form, request: request)
        let webApp = try DashboardAccess(store: context.store, user: signedIn.user)
            .webApp(request.parameters["id"]).webApp
        guard !webApp.isPublic else {
            throw PageError.publicClientNeedsPKCE
        }
        let values = form.values("require_pkce")
        guard values.count == 1, let requirePKCE = Bool(values[0]) else {
            throw PageError.missingPKCEChoice
        }

        guard try context.store.setRequirePKCE(requirePKCE, webAppID: webApp.id) else {
            throw PageError.notFound
        }
        context.logChange(
            .clientPKCEChanged, request: request, user: signedIn.user,
            metadata: [
                "web_app.id": "\(webApp.id)", "oauth.client_id": "\(webApp.clientID)",
                "oauth.require_pkce": "\(requirePKCE)",
            ])
        return PageResponse.redirect(to: DashboardPaths.webApp(webApp.id), status: .seeOther)
    }
}

extension PageError {
    /// A PKCE change for a public client, which always needs PKCE.
    static let publicClientNeedsPKCE = PageError(
        status: .conflict, title: "This web app always uses PKCE",
        message: "This web app is a public client: without a secret, PKCE is what protects its codes, so it stays on.")

    /// A PKCE form without exactly one `require_pkce` value of `true` or `false`.
    static let missingPKCEChoice = PageError(
        status: .badRequest, title: "No PKCE choice was made",
        message: "The form did not say whether to require PKCE. Open the web app's page and use its PKCE button.")

    /// A rotation request for a public client, which has no secret.
    static let publicClient = PageError(
        status: .conflict, title: "This web app has no secret",
        message: "This web app is a public client: it has no client secret to rotate, and it signs in with PKCE.")
}
