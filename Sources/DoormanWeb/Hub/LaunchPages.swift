import DoormanHTTP
import DoormanOAuth

/// The pages shown instead of opening a web app from the hub.
enum LaunchPages {
    /// Returns the page for a user without a valid membership of any product that opens `webApp`, with
    /// status 403.
    static func purchaseRequired(_ webApp: WebApp, products: [Product]) -> Response {
        let links = products.map { product -> HTML in
            "<li><a href=\"\(ProductRoutes.path(product.id))\">\(product.title)</a></li>\n"
        }
        let choices: HTML =
            links.isEmpty
            ? "<p class=\"muted\">No product opens this web app right now.</p>"
            : "<p>Any of these products opens it:</p>\n<ul class=\"cards\">\n\(links)</ul>"
        let page = PageLayout.document(
            title: "Purchase needed",
            body: """
                <h1>You need to purchase this first</h1>
                <p class="error">To open <strong>\(webApp.name)</strong>, you need a valid membership of one of \
                its products. You have none right now, or yours has ended.</p>
                \(choices)
                <p><a href="/">Back to your products</a></p>
                """)
        return PageResponse.page(page, status: .forbidden)
    }

    /// Returns the page for a web app that cannot be opened from the hub, because it requires PKCE, with
    /// status 409.
    static func startAtWebApp(_ webApp: WebApp) -> Response {
        // A stored URI that fails today's registration rules is not linked to.
        let callback = webApp.redirectURIs.first.flatMap { RedirectURI.isRegistrable($0) ? $0 : nil }
        let site: HTML =
            callback.map { uri -> HTML in
                let origin = ConsentPage.origin(of: uri)
                return " at <a href=\"\(origin)\">\(origin)</a>"
            } ?? .empty
        let page = PageLayout.document(
            title: "Open it from its own site",
            body: """
                <h1>Open \(webApp.name) from its own site</h1>
                <p><strong>\(webApp.name)</strong> cannot be opened from the hub. Go to the web app\(site) and \
                sign in there with your Doorman account. Your membership works the same way.</p>
                <p><a href="/">Back to your products</a></p>
                """)
        return PageResponse.page(page, status: .conflict)
    }
}
