import DoormanOAuth

/// The markup of the hub home, `GET /`.
enum HubHomePage {
    /// Returns the page for a signed-in user: the products held, each with its web apps, then other products.
    static func signedIn(_ signedIn: SignedIn, held: [HeldMembership], others: [ProductListing], now: Int64) -> HTML {
        let heldList: HTML =
            held.isEmpty
            ? "<p>You hold no products yet. Choose one below to get started.</p>"
            : "<ul class=\"cards\">\n\(held.map { card($0, csrfToken: signedIn.session.csrfToken, now: now) })</ul>"
        return PageLayout.document(
            title: "Your products",
            body: """
                \(SiteNavigation.bar(signedIn))
                <h1>Your products</h1>
                <p>You are signed in as <strong>\(signedIn.user.username)</strong>.</p>
                \(heldList)
                <h2>More products</h2>
                \(productList(others, empty: "There are no other products on the hub right now."))
                """,
            width: .wide)
    }

    /// Returns the page for a visitor: how to sign in or sign up, and the products on the hub.
    static func signedOut(products: [ProductListing]) -> HTML {
        PageLayout.document(
            title: "Hub",
            body: """
                \(SiteNavigation.bar(nil))
                <h1>Doorman</h1>
                <p>You are not signed in.</p>
                <p><a href="/login">Sign in</a> to open the products you bought, or \
                <a href="\(AccountLinks.signUpPath)">create an account</a> to buy one.</p>
                <h2>Products</h2>
                \(productList(products, empty: "There are no products on the hub yet."))
                """,
            width: .wide)
    }

    /// Returns one held membership: product, seller, status, and the web apps with their Open buttons.
    static func card(_ held: HeldMembership, csrfToken: String, now: Int64) -> HTML {
        let membership = held.membership
        return """
            <li>
            <h3><a href="\(ProductRoutes.path(held.product.id))">\(held.product.title)</a></h3>
            \(seller(held.companyName))
            <p>\(MembershipText.summary(membership, at: now)) \
            <a href="\(HubRoutes.membershipPathPrefix + membership.id)">Membership details</a></p>
            \(webApps(held, csrfToken: csrfToken, now: now))
            </li>

            """
    }

    /// Returns the web apps of a held product, with an Open button each while the membership is valid.
    static func webApps(_ held: HeldMembership, csrfToken: String, now: Int64) -> HTML {
        guard !held.webApps.isEmpty else {
            return "<p class=\"muted\">This product has no web apps yet.</p>"
        }
        guard held.membership.isValid(at: now) else {
            let names = held.webApps.map(\.name).joined(separator: ", ")
            return """
                <p class="muted">Web apps: \(names). They open again once you hold a valid membership: \
                <a href="\(ProductRoutes.path(held.product.id))">see the plans</a>.</p>
                """
        }
        let items = held.webApps.map { webApp -> HTML in
            "<li>\(webApp.name) \(LaunchRoutes.openForm(webApp, csrfToken: csrfToken))</li>"
        }
        return "<ul class=\"apps\">\n\(items)\n</ul>"
    }

    /// Returns a list of product links with their sellers, or `empty` as a sentence when there are none.
    static func productList(_ listings: [ProductListing], empty: String) -> HTML {
        guard !listings.isEmpty else {
            return "<p class=\"muted\">\(empty)</p>"
        }
        let items = listings.map { listing -> HTML in
            let link: HTML = "<a href=\"\(ProductRoutes.path(listing.product.id))\">\(listing.product.title)</a>"
            let byline = listing.companyName.map { name -> HTML in " <span class=\"muted\">by \(name)</span>" }
            return "<li>\(link)\(byline ?? .empty)</li>\n"
        }
        return "<ul class=\"cards\">\n\(items)</ul>"
    }

    /// Returns `by <company>` as a muted paragraph, or nothing when the company is unknown.
    static func seller(_ companyName: String?) -> HTML {
        guard let companyName else {
            return .empty
        }
        return "<p class=\"muted\">by \(companyName)</p>"
    }
}
