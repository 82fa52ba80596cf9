/// The paths of the seller dashboard's pages and forms.
enum DashboardPaths {
    /// The dashboard home: the user's companies and the form that creates one.
    static let home = "/dashboard"

    /// The target of the form that creates a company.
    static let companies = "/dashboard/companies"

    /// Returns the page of company `id`.
    static func company(_ id: String) -> String {
        companies + "/" + id
    }

    /// Returns the seller's page of product `id`.
    static func product(_ id: String) -> String {
        "/dashboard/products/" + id
    }

    /// Returns the member list of product `id`.
    static func members(_ productID: String) -> String {
        product(productID) + "/members"
    }

    /// Returns the seller's page of web app `id`.
    static func webApp(_ id: String) -> String {
        "/dashboard/webapps/" + id
    }

    /// Returns the target of the form that cancels membership `id`.
    static func cancelMembership(_ id: String) -> String {
        "/dashboard/memberships/" + id + "/cancel"
    }
}
