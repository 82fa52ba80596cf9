/// A membership status as Whop's v5 API spells it.
public enum MembershipStatus: String, Sendable, Hashable, CaseIterable {
    /// `trialing`: in a free trial.
    case trialing
    /// `active`: paid and current.
    case active
    /// `past_due`: a renewal payment failed and is being retried.
    case pastDue = "past_due"
    /// `completed`: a one-time purchase that has been fulfilled.
    case completed
    /// `canceled`: ended by the buyer or the seller.
    case canceled
    /// `expired`: ran out without renewal.
    case expired
    /// `unresolved`: payment is in dispute or otherwise unsettled.
    case unresolved
}

/// A user's purchase of a product under a plan: the proof of purchase that web apps read.
///
/// Times are Unix seconds. Whether the membership grants access is `isValid(at:)`, sent as `valid`.
public struct Membership: Sendable, Hashable {
    /// `id`: the identifier, `mem_…`.
    public var id: String
    /// `user_id`: the `user_…` identifier of the buyer.
    public var userID: String
    /// `product_id`: the `prod_…` identifier of the product bought.
    public var productID: String
    /// `plan_id`: the `plan_…` identifier of the plan bought.
    public var planID: String
    /// `company_id`: the `biz_…` identifier of the seller.
    public var companyID: String
    /// `status`: the billing state.
    public var status: MembershipStatus
    /// `created_at`: purchase time.
    public var createdAt: Int64
    /// `expires_at`: the instant from which the membership no longer grants access, or nil for no fixed end.
    public var expiresAt: Int64?
    /// `renewal_period_start`: start of the current billing period, or nil for one-time purchases.
    public var renewalPeriodStart: Int64?
    /// `renewal_period_end`: end of the current billing period, or of the trial while trialing.
    public var renewalPeriodEnd: Int64?
    /// `cancel_at_period_end`: whether the membership ends at `renewalPeriodEnd` instead of renewing.
    public var cancelAtPeriodEnd: Bool
    /// `quantity`: how many units were bought.
    public var quantity: Int
    /// `license_key`: the license key issued with the purchase, if any.
    public var licenseKey: String?
    /// `metadata`: free-form string pairs set by the seller.
    public var metadata: [String: String]

    /// Creates a membership.
    public init(
        id: String, userID: String, productID: String, planID: String, companyID: String,
        status: MembershipStatus, createdAt: Int64, expiresAt: Int64? = nil, renewalPeriodStart: Int64? = nil,
        renewalPeriodEnd: Int64? = nil, cancelAtPeriodEnd: Bool = false, quantity: Int = 1,
        licenseKey: String? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.userID = userID
        self.productID = productID
        self.planID = planID
        self.companyID = companyID
        self.status = status
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.renewalPeriodStart = renewalPeriodStart
        self.renewalPeriodEnd = renewalPeriodEnd
        self.cancelAtPeriodEnd = cancelAtPeriodEnd
        self.quantity = quantity
        self.licenseKey = licenseKey
        self.metadata = metadata
    }
}
