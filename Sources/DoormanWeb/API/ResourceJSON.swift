import DoormanOAuth

/// The JSON shapes of the v5 API's records, with keys in the order Whop's v5 API sends them.
extension APIJSONWriter {
    /// Writes the `/v5/me` object: `id`, `username`, `name`, `email`, `profile_pic_url`, with `null` for absent
    /// optional fields.
    mutating func user(_ user: User) {
        beginObject()
        key("id")
        string(user.id)
        key("username")
        string(user.username)
        key("name")
        string(user.name)
        key("email")
        string(user.email)
        key("profile_pic_url")
        string(user.profilePictureURL)
        endObject()
    }

    /// Writes a membership object, with `valid` computed at `now`, in Unix seconds, and `manage_url` on `publicURL`.
    mutating func membership(_ membership: Membership, at now: Int64, publicURL: PublicBaseURL) {
        beginObject()
        key("id")
        string(membership.id)
        key("product_id")
        string(membership.productID)
        key("user_id")
        string(membership.userID)
        key("plan_id")
        string(membership.planID)
        key("company_id")
        string(membership.companyID)
        key("status")
        string(membership.status.rawValue)
        key("valid")
        bool(membership.isValid(at: now))
        membershipTimes(membership)
        key("cancel_at_period_end")
        bool(membership.cancelAtPeriodEnd)
        key("quantity")
        integer(Int64(membership.quantity))
        key("license_key")
        string(membership.licenseKey)
        key("metadata")
        stringObject(membership.metadata)
        key("manage_url")
        // An absolute URL, as Whop sends it, because the web app shows it to the user on its own site.
        string(publicURL.absolute(HubRoutes.membershipPathPrefix + membership.id))
        endObject()
    }

    /// Writes a product object: `id`, `company_id`, `title`, `visibility`.
    mutating func product(_ product: Product) {
        beginObject()
        key("id")
        string(product.id)
        key("company_id")
        string(product.companyID)
        key("title")
        string(product.title)
        key("visibility")
        string(product.visibility.rawValue)
        endObject()
    }

    private mutating func membershipTimes(_ membership: Membership) {
        key("created_at")
        integer(membership.createdAt)
        key("expires_at")
        integer(membership.expiresAt)
        key("renewal_period_start")
        integer(membership.renewalPeriodStart)
        key("renewal_period_end")
        integer(membership.renewalPeriodEnd)
    }

    /// Writes string pairs as an object sorted by key, so that equal data gives equal bytes.
    private mutating func stringObject(_ pairs: [String: String]) {
        beginObject()
        for (name, value) in pairs.sorted(by: { $0.key < $1.key }) {
            key(name)
            string(value)
        }
        endObject()
    }
}
