import DoormanOAuth

/// The markup of a product's public page.
enum ProductPage {
    /// The notice on every product page: a purchase records a membership without any payment.
    static let paymentNotice =
        "Doorman takes no payment in this version. Purchasing a plan gives you a membership at once, free of charge."

    /// Returns the product page.
    ///
    /// - Parameters:
    ///   - signedIn: The signed-in user, or nil for a visitor, who gets sign-in links instead of purchase forms.
    ///   - holdsProduct: Whether the user has a valid membership of the product already.
    static func render(
        _ product: Product, companyName: String?, plans: [Plan], signedIn: SignedIn?, holdsProduct: Bool
    ) -> HTML {
        PageLayout.document(
            title: product.title,
            body: """
                \(SiteNavigation.bar(signedIn))
                <h1>\(product.title)</h1>
                \(HubHomePage.seller(companyName))
                \(status(product, signedIn: signedIn, holdsProduct: holdsProduct))
                <h2>Plans</h2>
                \(planList(product, plans: plans, signedIn: signedIn, holdsProduct: holdsProduct))
                """,
            width: .wide)
    }

    /// Returns what the user can do here: sign in, open the product from the hub, or purchase.
    static func status(_ product: Product, signedIn: SignedIn?, holdsProduct: Bool) -> HTML {
        guard signedIn != nil else {
            let returnTo = ProductRoutes.path(product.id)
            return """
                <p class="notice">\(paymentNotice)</p>
                <p><a href="\(AccountLinks.signIn(returnTo: returnTo))">Sign in</a> or \
                <a href="\(AccountLinks.signUp(returnTo: returnTo))">create an account</a> to purchase.</p>
                """
        }
        if holdsProduct {
            return "<p class=\"notice\">You hold this product. Open its web apps from <a href=\"/\">the hub</a>.</p>"
        }
        return "<p class=\"notice\">\(paymentNotice)</p>"
    }

    /// Returns the plans, each with its terms and, for a signed-in user without the product, a Purchase button.
    static func planList(_ product: Product, plans: [Plan], signedIn: SignedIn?, holdsProduct: Bool) -> HTML {
        guard !plans.isEmpty else {
            return "<p class=\"muted\">This product is not for sale yet.</p>"
        }
        let items = plans.map { plan -> HTML in
            var button = HTML.empty
            if let signedIn, !holdsProduct {
                button = purchaseForm(product, plan: plan, csrfToken: signedIn.session.csrfToken)
            }
            return "<li><strong>\(PlanText.terms(plan))</strong>\n\(button)</li>\n"
        }
        return "<ul class=\"cards\">\n\(items)</ul>"
    }

    /// Returns the Purchase form of one plan.
    static func purchaseForm(_ product: Product, plan: Plan, csrfToken: String) -> HTML {
        """
        <form method="post" action="\(ProductRoutes.path(product.id))/purchase">
        \(PageLayout.csrfField(csrfToken))
        \(PageLayout.hiddenField(name: "plan_id", value: plan.id))
        <button type="submit">Purchase</button>
        </form>
        """
    }
}
