import DoormanHTTP
import DoormanOAuth

/// A product's public page and its purchase form.
///
/// Doorman takes no payment in this version: a purchase records the membership at once, as
/// `doorman membership grant` does.
struct ProductRoutes: Sendable {
    let context: WebContext
    let sessions: SessionManager

    /// Returns the path of product `id`'s page.
    static func path(_ id: String) -> String {
        "/products/" + id
    }

    /// `GET /products/:id`: title, seller, plans and a purchase form per plan. A hidden product is shown too,
    /// because hidden means only that the hub does not list it.
    func show(_ request: Request) throws -> Response {
        guard let id = request.identifier(.product), let product = try context.store.product(id: id) else {
            throw PageError.notFound
        }
        let signedIn = try sessions.signedIn(request)
        var holdsProduct = false
        if let signedIn {
            holdsProduct = try userHoldsProduct(product.id, user: signedIn.user)
        }

        let page = ProductPage.render(
            product, companyName: try context.store.company(id: product.companyID)?.name,
            plans: try context.store.plans(productID: product.id), signedIn: signedIn, holdsProduct: holdsProduct)
        return PageResponse.page(page)
    }

    /// `POST /products/:id/purchase`: records a membership of the chosen plan and redirects to the hub with 303.
    ///
    /// A user who already has a valid membership of the product gets no second one, so that a form sent
    /// twice does not buy twice.
    func purchase(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let signedIn = try sessions.verifySignedIn(form, request: request)
        guard let id = request.identifier(.product), let product = try context.store.product(id: id) else {
            throw PageError.notFound
        }
        let plan = try chosenPlan(form, product: product)

        if try userHoldsProduct(product.id, user: signedIn.user) {
            return PageResponse.redirect(to: ReturnPath.fallback, status: .seeOther)
        }
        let membership = Purchase.membership(
            id: Identifier.make(.membership, using: context.random), userID: signedIn.user.id, plan: plan,
            companyID: product.companyID, at: context.now())
        try context.store.createMembership(membership)

        context.logger.audit(
            .membershipCreated,
            metadata: [
                "request.id": "\(request.requestID)", "user.id": "\(signedIn.user.id)",
                "membership.id": "\(membership.id)", "product.id": "\(product.id)", "plan.id": "\(plan.id)",
                "membership.status": "\(membership.status.rawValue)",
            ])
        return PageResponse.redirect(to: ReturnPath.fallback, status: .seeOther)
    }

    /// Returns the plan named by the form's one `plan_id`, which must be a plan of `product`.
    private func chosenPlan(_ form: URLEncodedForm, product: Product) throws -> Plan {
        let values = form.values("plan_id")
        guard values.count == 1, Identifier.isValid(values[0], kind: .plan),
            let plan = try context.store.plan(id: values[0]), plan.productID == product.id
        else {
            throw PageError.unknownPlan
        }
        return plan
    }

    private func userHoldsProduct(_ productID: String, user: User) throws(StoreError) -> Bool {
        let memberships = try context.store.memberships(userID: user.id)
        return Access.userHasProduct(productID, memberships: memberships, at: context.now())
    }
}

extension PageError {
    /// A purchase form whose plan is missing or belongs to another product.
    static let unknownPlan = PageError(
        status: .badRequest, title: "This plan is not available",
        message: "The plan you chose is not sold for this product. Go back to the product page and choose a plan.")
}
