/// Something a company sells. A membership of a product is what grants access to the product's web apps.
public struct Product: Sendable, Hashable {
    /// Whether the hub lists a product publicly.
    public enum Visibility: String, Sendable, Hashable, CaseIterable {
        /// `visible`: listed on the hub.
        case visible
        /// `hidden`: reachable only by direct link.
        case hidden
    }

    /// `id`: the identifier, `prod_…`.
    public var id: String
    /// `company_id`: the `biz_…` identifier of the seller.
    public var companyID: String
    /// `title`: the display name.
    public var title: String
    /// `visibility`: whether the hub lists the product.
    public var visibility: Visibility

    /// Creates a product.
    public init(id: String, companyID: String, title: String, visibility: Visibility = .visible) {
        self.id = id
        self.companyID = companyID
        self.title = title
        self.visibility = visibility
    }
}
