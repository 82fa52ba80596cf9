import DoormanOAuth

/// The markup of a web app's dashboard page, and of web app lists on other dashboard pages.
enum WebAppDashboardPage {
    /// Returns the page.
    ///
    /// - Parameter newSecret: The client secret made by the POST that led here, shown only on this view, or nil.
    static func render(
        _ webApp: WebApp, company: Company, products: [Product], newSecret: String?, signedIn: SignedIn
    ) -> HTML {
        let trail = DashboardTrail.links([
            ("Dashboard", DashboardPaths.home), (company.name, DashboardPaths.company(company.id)),
        ])
        return PageLayout.document(
            title: webApp.name,
            body: """
                \(SiteNavigation.bar(signedIn))
                \(trail)
                <h1>\(webApp.name)</h1>
                \(secretNotice(newSecret))
                <dl class="facts">
                <dt>Client ID</dt><dd><code>\(webApp.clientID)</code></dd>
                <dt>Client secret</dt><dd>\(secretStatus(webApp))</dd>
                <dt>Callback URLs</dt>\(webApp.redirectURIs.map { uri -> HTML in "<dd><code>\(uri)</code></dd>" })
                <dt>Products</dt>\(productLinks(products))
                <dt>PKCE</dt><dd>\(pkceStatus(webApp))</dd>
                <dt>Opens from the hub</dt><dd>\(launchStatus(webApp))</dd>
                </dl>
                \(pkceForm(webApp, csrfToken: signedIn.session.csrfToken))
                \(rotateForm(webApp, csrfToken: signedIn.session.csrfToken))
                """,
            width: .wide)
    }

    /// Returns the web apps as links with their client ids, or `empty` as a sentence when there are none.
    static func list(_ webApps: [WebApp], empty: String) -> HTML {
        guard !webApps.isEmpty else {
            return "<p class=\"muted\">\(empty)</p>"
        }
        let items = webApps.map { webApp -> HTML in
            """
            <li><a href="\(DashboardPaths.webApp(webApp.id))">\(webApp.name)</a> \
            <span class="muted">client ID <code>\(webApp.clientID)</code></span></li>

            """
        }
        return "<ul class=\"cards\">\n\(items)</ul>"
    }

    /// Returns the box that shows a new client secret, or nothing.
    static func secretNotice(_ secret: String?) -> HTML {
        guard let secret else {
            return .empty
        }
        return """
            <div class="secret" role="status">
            <p><strong>Copy the client secret now.</strong> It is shown only this once: Doorman keeps only its \
            hash. Put it in your web app's configuration with the client ID.</p>
            <p><code>\(secret)</code></p>
            </div>
            """
    }

    /// Returns the page's text about the stored secret, which it never shows.
    static func secretStatus(_ webApp: WebApp) -> String {
        webApp.isPublic
            ? "None: this is a public client, which signs in with PKCE."
            : "Hidden. It was shown once when it was made. Rotate it if it is lost or leaked."
    }

    /// Returns whether buyers can open the web app from the hub, in words.
    static func launchStatus(_ webApp: WebApp) -> String {
        webApp.needsPKCE
            ? "No: it requires PKCE, so buyers start at the web app."
            : "Yes: the Open button sends buyers to the first Callback URL with a code."
    }

    /// Returns whether authorization requests of the web app must carry a PKCE challenge, in words.
    static func pkceStatus(_ webApp: WebApp) -> String {
        if webApp.isPublic {
            return "Required: a public client has no secret, so PKCE protects its codes."
        }
        return webApp.requirePKCE
            ? "Required: every authorization request must carry an S256 code challenge."
            : "Optional: a request may carry a code challenge, and the code is then bound to it."
    }

    /// Returns the form that turns the PKCE requirement on or off, or nothing for a public client.
    static func pkceForm(_ webApp: WebApp, csrfToken: String) -> HTML {
        guard !webApp.isPublic else {
            return .empty
        }
        let (value, label): (String, String) =
            webApp.requirePKCE ? ("false", "Stop requiring PKCE") : ("true", "Require PKCE")
        return """
            <h2>PKCE</h2>
            <p>Requiring PKCE protects codes even if the secret leaks. Buyers then start at the web app, because a \
            launch from the hub carries no code challenge.</p>
            <form method="post" action="\(DashboardPaths.webApp(webApp.id))/pkce">
            \(PageLayout.csrfField(csrfToken))
            <input type="hidden" name="require_pkce" value="\(value)">
            <button type="submit" class="secondary">\(label)</button>
            </form>
            """
    }

    /// Returns the rotate form of a web app with a secret, or nothing for a public client.
    static func rotateForm(_ webApp: WebApp, csrfToken: String) -> HTML {
        guard !webApp.isPublic else {
            return .empty
        }
        return """
            <h2>Rotate the client secret</h2>
            <p>Rotating makes a new secret and shows it once. The current secret stops working at once, so update \
            your web app right after.</p>
            <form method="post" action="\(DashboardPaths.webApp(webApp.id))/rotate-secret">
            \(PageLayout.csrfField(csrfToken))
            <button type="submit" class="secondary">Rotate secret</button>
            </form>
            """
    }

    private static func productLinks(_ products: [Product]) -> HTML {
        HTML(
            joining: products.map { product -> HTML in
                "<dd><a href=\"\(DashboardPaths.product(product.id))\">\(product.title)</a></dd>"
            })
    }
}
