import DoormanHTTP
import DoormanOAuth

/// Opening a web app from the hub. Doorman sends the browser to the web app's first registered callback URL
/// with a fresh authorization code in `code` and no `state`. The web app exchanges the code at the token
/// endpoint as after a sign-in.
struct LaunchRoutes: Sendable {
    let context: WebContext
    let sessions: SessionManager

    /// Returns the path that the Open button of web app `id` posts to.
    static func openPath(_ id: String) -> String {
        "/hub/webapps/" + id + "/open"
    }

    /// Returns the Open button of `webApp`.
    static func openForm(_ webApp: WebApp, csrfToken: String) -> HTML {
        """
        <form method="post" action="\(openPath(webApp.id))">
        \(PageLayout.csrfField(csrfToken))
        <button type="submit">Open</button>
        </form>
        """
    }

    /// `POST /hub/webapps/:id/open`: checks the purchase and redirects to the web app's callback with a launch
    /// code, with 303 so that the browser fetches the callback with GET.
    ///
    /// The button is a form, not a link, because issuing a code changes state and must carry the CSRF token:
    /// a link would let another site send a signed-in user into a web app. A user without a valid membership
    /// gets a page that explains the purchase. A client that needs PKCE cannot redeem a launch code, which has
    /// no challenge, so its users are sent to start at the web app.
    func open(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let user = try sessions.verifySignedIn(form, request: request).user
        guard let id = request.identifier(.webApp), let webApp = try context.store.webApp(id: id) else {
            throw PageError.notFound
        }

        let memberships = try context.store.memberships(userID: user.id)
        guard Access.userMayUse(webApp: webApp, memberships: memberships, at: context.now()) else {
            logRefusal(webApp, user: user, reason: "no_membership", request: request)
            return try purchaseRequired(webApp)
        }
        guard !webApp.needsPKCE, let callback = webApp.redirectURIs.first, RedirectURI.isRegistrable(callback)
        else {
            let reason = webApp.needsPKCE ? "needs_pkce" : "no_valid_redirect_uri"
            logRefusal(webApp, user: user, reason: reason, request: request)
            return LaunchPages.startAtWebApp(webApp)
        }

        let issued = context.issuer.issueLaunchCode(for: webApp, userID: user.id, at: context.now())
        try context.store.saveAuthorizationCode(issued.record)
        context.logger.audit(
            .authorizationCodeIssued,
            metadata: [
                "request.id": "\(request.requestID)", "oauth.client_id": "\(webApp.clientID)",
                "user.id": "\(user.id)", "launch": "true",
            ])

        let location = RedirectURI.appendingQuery(to: callback, parameters: [(name: "code", value: issued.code)])
        return PageResponse.redirect(to: location, status: .seeOther)
    }

    /// Returns the page that sends the user to the products that open `webApp`.
    private func purchaseRequired(_ webApp: WebApp) throws(StoreError) -> Response {
        var products: [Product] = []
        for productID in webApp.productIDs {
            if let product = try context.store.product(id: productID) {
                products.append(product)
            }
        }
        return LaunchPages.purchaseRequired(webApp, products: products)
    }

    private func logRefusal(_ webApp: WebApp, user: User, reason: String, request: Request) {
        context.logger.audit(
            .launchRefused,
            metadata: [
                "request.id": "\(request.requestID)", "oauth.client_id": "\(webApp.clientID)",
                "user.id": "\(user.id)", "reason": "\(reason)",
            ])
    }
}
