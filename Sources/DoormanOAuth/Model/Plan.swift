/// The price and billing terms under which a product is sold.
public struct Plan: Sendable, Hashable {
    /// How often a plan bills again.
    ///
    /// Periods are whole days, as Whop's `billing_period` is, because calendar months cannot be computed
    /// from Unix seconds without a calendar. A monthly plan is `.days(30)`, a yearly one `.days(365)`.
    public enum RenewalPeriod: Sendable, Hashable {
        /// A one-time purchase that never renews.
        case oneTime
        /// A renewal every given number of days, which must be positive.
        case days(Int)
    }

    /// `id`: the identifier, `plan_…`.
    public var id: String
    /// `product_id`: the `prod_…` identifier of the product sold.
    public var productID: String
    /// The price per period in the currency's minor unit, such as cents.
    public var priceCents: Int
    /// The ISO 4217 currency code in lowercase, such as `usd`.
    public var currency: String
    /// How often the plan bills again.
    public var renewalPeriod: RenewalPeriod
    /// Length of the free trial in days, 0 for none.
    public var freeTrialDays: Int

    /// Creates a plan.
    public init(
        id: String, productID: String, priceCents: Int, currency: String, renewalPeriod: RenewalPeriod,
        freeTrialDays: Int = 0
    ) {
        self.id = id
        self.productID = productID
        self.priceCents = priceCents
        self.currency = currency
        self.renewalPeriod = renewalPeriod
        self.freeTrialDays = freeTrialDays
    }
}
