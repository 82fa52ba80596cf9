import DoormanOAuth

/// The markup of the dashboard home: the user's companies and the form that creates one.
enum DashboardHomePage {
    /// Returns the page, with `form`'s values and messages in the company form.
    static func render(_ companies: [Company], form: CompanyForm, signedIn: SignedIn) -> HTML {
        let items = companies.map { company -> HTML in
            "<li><a href=\"\(DashboardPaths.company(company.id))\">\(company.name)</a></li>\n"
        }
        let list: HTML =
            companies.isEmpty
            ? "<p class=\"muted\">You own no companies yet. Create one to sell products on the hub.</p>"
            : "<ul class=\"cards\">\n\(items)</ul>"
        return PageLayout.document(
            title: "Dashboard",
            body: """
                \(SiteNavigation.bar(signedIn))
                <h1>Dashboard</h1>
                <h2>Your companies</h2>
                \(list)
                <h2>Create a company</h2>
                <form method="post" action="\(DashboardPaths.companies)">
                \(PageLayout.csrfField(signedIn.session.csrfToken))
                \(FormField.input(
                    id: "company-name", name: "name", label: "Company name", value: form.name,
                    error: form.errors["name"], attributes: "required"))
                <button type="submit">Create company</button>
                </form>
                """,
            width: .wide)
    }
}

/// The markup of a company's dashboard page: products, web apps and the form that creates a product.
enum CompanyDashboardPage {
    /// Returns the page, with `form`'s values and messages in the product form.
    static func render(
        _ company: Company, products: [Product], webApps: [WebApp], form: ProductForm, signedIn: SignedIn
    ) -> HTML {
        PageLayout.document(
            title: company.name,
            body: """
                \(SiteNavigation.bar(signedIn))
                \(DashboardTrail.links([("Dashboard", DashboardPaths.home)]))
                <h1>\(company.name)</h1>
                <h2>Products</h2>
                \(productList(products))
                <h2>Create a product</h2>
                <form method="post" action="\(DashboardPaths.company(company.id))/products">
                \(PageLayout.csrfField(signedIn.session.csrfToken))
                \(FormField.input(
                    id: "product-title", name: "title", label: "Title", value: form.title,
                    error: form.errors["title"], attributes: "required"))
                \(FormField.select(
                    id: "product-visibility", name: "visibility", label: "Visibility",
                    options: [
                        (Product.Visibility.visible.rawValue, "Listed on the hub"),
                        (Product.Visibility.hidden.rawValue, "Hidden: reachable only by direct link"),
                    ],
                    selected: form.visibility, error: form.errors["visibility"]))
                <button type="submit">Create product</button>
                </form>
                <h2>Web apps</h2>
                \(WebAppDashboardPage.list(webApps, empty: "Add a web app from one of the products above."))
                """,
            width: .wide)
    }

    /// Returns the products as links, each with its visibility.
    static func productList(_ products: [Product]) -> HTML {
        guard !products.isEmpty else {
            return "<p class=\"muted\">This company has no products yet.</p>"
        }
        let items = products.map { product -> HTML in
            """
            <li><a href="\(DashboardPaths.product(product.id))">\(product.title)</a> \
            \(DashboardTrail.visibilityBadge(product))</li>

            """
        }
        return "<ul class=\"cards\">\n\(items)</ul>"
    }
}

/// Small pieces that several dashboard pages share.
enum DashboardTrail {
    /// Returns the links back up to the pages above this one, such as `Dashboard › Charts & Co`.
    static func links(_ steps: [(label: String, path: String)]) -> HTML {
        let anchors = steps.map { step -> HTML in "<a href=\"\(step.path)\">\(step.label)</a>" }
        var joined: [HTML] = []
        for (index, anchor) in anchors.enumerated() {
            joined.append(index == 0 ? anchor : " › \(anchor)")
        }
        return "<p class=\"muted\">\(joined)</p>"
    }

    /// Returns a badge that shows whether the hub lists `product`.
    static func visibilityBadge(_ product: Product) -> HTML {
        product.visibility == .visible
            ? "<span class=\"badge\">listed</span>"
            : "<span class=\"badge\">hidden</span>"
    }
}
