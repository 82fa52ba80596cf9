import DoormanOAuth

/// The markup of a product's dashboard page: plans, web apps and the forms that add them.
enum ProductDashboardPage {
    /// Returns the page.
    static func render(
        _ product: Product, company: Company, plans: [Plan], webApps: [WebApp], forms: ProductDashboardForms,
        signedIn: SignedIn
    ) -> HTML {
        let csrfToken = signedIn.session.csrfToken
        let trail = DashboardTrail.links([
            ("Dashboard", DashboardPaths.home), (company.name, DashboardPaths.company(company.id)),
        ])
        return PageLayout.document(
            title: product.title,
            body: """
                \(SiteNavigation.bar(signedIn))
                \(trail)
                <h1>\(product.title)</h1>
                <p>\(DashboardTrail.visibilityBadge(product)) \
                <a href="\(ProductRoutes.path(product.id))">Public page</a> · \
                <a href="\(DashboardPaths.members(product.id))">Members</a></p>
                <h2>Plans</h2>
                \(planList(plans))
                <h2>Add a plan</h2>
                \(planForm(product, form: forms.plan, csrfToken: csrfToken))
                <h2>Web apps</h2>
                \(WebAppDashboardPage.list(webApps, empty: "This product has no web apps yet."))
                <h2>Add a webapp to your product</h2>
                \(webAppForm(product, form: forms.webApp, csrfToken: csrfToken))
                """,
            width: .wide)
    }

    /// Returns the plans with their terms.
    static func planList(_ plans: [Plan]) -> HTML {
        guard !plans.isEmpty else {
            return "<p class=\"muted\">No plans yet, so buyers cannot purchase this product.</p>"
        }
        let items = plans.map { plan -> HTML in
            "<li><strong>\(PlanText.terms(plan))</strong> <span class=\"muted\"><code>\(plan.id)</code></span></li>\n"
        }
        return "<ul class=\"cards\">\n\(items)</ul>"
    }

    /// Returns the form that adds a plan.
    static func planForm(_ product: Product, form: PlanForm, csrfToken: String) -> HTML {
        """
        <form method="post" action="\(DashboardPaths.product(product.id))/plans">
        \(PageLayout.csrfField(csrfToken))
        \(FormField.input(
            id: "plan-price", name: "price", label: "Price", type: "number", value: form.price,
            error: form.errors["price"], hint: "In the currency's smallest unit: 900 is 9.00 USD.",
            attributes: "min=\"0\" max=\"\(PlanRules.prices.upperBound)\" required"))
        \(FormField.input(
            id: "plan-currency", name: "currency", label: "Currency", value: form.currency,
            error: form.errors["currency"], hint: "A three-letter code, such as usd or eur.",
            attributes: "maxlength=\"3\" required"))
        \(FormField.input(
            id: "plan-renewal", name: "renewal", label: "Renewal", value: form.renewal,
            error: form.errors["renewal"],
            hint: "\(PlanRules.oneTime), or the number of days between payments, such as 30.",
            attributes: "required"))
        \(FormField.input(
            id: "plan-trial", name: "trial_days", label: "Free trial in days", type: "number", value: form.trialDays,
            error: form.errors["trial_days"], hint: "0 for no trial. Only renewing plans have a trial.",
            attributes: "min=\"0\" max=\"\(PlanRules.trialDays.upperBound)\" required"))
        <button type="submit">Add plan</button>
        </form>
        """
    }

    /// Returns the form that adds a web app with a name and a Callback URL.
    static func webAppForm(_ product: Product, form: WebAppForm, csrfToken: String) -> HTML {
        """
        <form method="post" action="\(DashboardPaths.product(product.id))/webapps">
        \(PageLayout.csrfField(csrfToken))
        \(FormField.input(
            id: "webapp-name", name: "name", label: "Name", value: form.name, error: form.errors["name"],
            hint: "Buyers see it on the hub and on the consent page.", attributes: "required"))
        \(FormField.input(
            id: "webapp-callback", name: "callback_url", label: "Callback URL", type: "url",
            value: form.callbackURL, error: form.errors["callback_url"],
            hint: "Where buyers arrive with ?code=… when they open the web app, such as "
                + "https://your-site.example/callback/doorman. Use https, or http with localhost.",
            attributes: "required"))
        <button type="submit">Add web app</button>
        </form>
        """
    }
}
