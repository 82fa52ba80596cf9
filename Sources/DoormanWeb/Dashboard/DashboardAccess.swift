import DoormanOAuth

/// Finds the records that a dashboard page names, for their owner only.
///
/// A malformed id, a missing record and another seller's record all throw the same `PageError.notFound`, so
/// that the dashboard never reveals whether someone else's record exists.
struct DashboardAccess {
    let store: any DoormanStore
    /// The signed-in seller.
    let user: User

    /// Returns company `id` when the user owns it.
    func company(_ id: String?) throws -> Company {
        guard let id, Identifier.isValid(id, kind: .company), let company = try store.company(id: id),
            company.ownerUserID.utf8.elementsEqual(user.id.utf8)
        else {
            throw PageError.notFound
        }
        return company
    }

    /// Returns product `id` and its company when the user owns the company.
    func product(_ id: String?) throws -> (product: Product, company: Company) {
        guard let id, Identifier.isValid(id, kind: .product), let product = try store.product(id: id) else {
            throw PageError.notFound
        }
        return (product, try company(product.companyID))
    }

    /// Returns web app `id` and its company when the user owns the company.
    func webApp(_ id: String?) throws -> (webApp: WebApp, company: Company) {
        guard let id, Identifier.isValid(id, kind: .webApp), let webApp = try store.webApp(id: id) else {
            throw PageError.notFound
        }
        return (webApp, try company(webApp.companyID))
    }

    /// Returns membership `id` and its product when the user owns the product's company.
    func membership(_ id: String?) throws -> (membership: Membership, product: Product) {
        guard let id, Identifier.isValid(id, kind: .membership), let membership = try store.membership(id: id) else {
            throw PageError.notFound
        }
        return (membership, try product(membership.productID).product)
    }
}
