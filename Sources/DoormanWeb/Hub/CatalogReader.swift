import DoormanOAuth

/// A product as the hub lists it: the product and its seller's name.
struct ProductListing: Sendable {
    /// The product.
    let product: Product
    /// The name of the company that sells it, or nil when the company no longer exists.
    let companyName: String?
}

/// A membership as the hub shows it: with its product, seller and the web apps it opens.
struct HeldMembership: Sendable {
    /// The membership.
    let membership: Membership
    /// The product bought.
    let product: Product
    /// The name of the company that sells it, or nil when the company no longer exists.
    let companyName: String?
    /// The web apps that serve the product.
    let webApps: [WebApp]
}

/// Reads the records that hub pages show, looking each company up once per page.
final class CatalogReader {
    private let store: any DoormanStore
    private var companyNames: [String: String?] = [:]

    init(store: any DoormanStore) {
        self.store = store
    }

    /// Returns `products` with their sellers' names, in the same order.
    func listings(of products: [Product]) throws(StoreError) -> [ProductListing] {
        var listings: [ProductListing] = []
        for product in products {
            listings.append(ProductListing(product: product, companyName: try companyName(product.companyID)))
        }
        return listings
    }

    /// Returns every membership of `user`, newest first, skipping any whose product no longer exists.
    func heldMemberships(of user: User) throws(StoreError) -> [HeldMembership] {
        var held: [HeldMembership] = []
        for membership in try store.memberships(userID: user.id) {
            if let entry = try heldMembership(membership) {
                held.append(entry)
            }
        }
        return held
    }

    /// Returns `membership` with its product, seller and web apps, or nil when its product no longer exists.
    func heldMembership(_ membership: Membership) throws(StoreError) -> HeldMembership? {
        guard let product = try store.product(id: membership.productID) else {
            return nil
        }
        return HeldMembership(
            membership: membership, product: product, companyName: try companyName(product.companyID),
            webApps: try store.webApps(productID: product.id))
    }

    /// Returns the name of company `id`, or nil when it does not exist.
    func companyName(_ id: String) throws(StoreError) -> String? {
        if let known = companyNames[id] {
            return known
        }
        let name = try store.company(id: id)?.name
        companyNames[id] = name
        return name
    }
}
