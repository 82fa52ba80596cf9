import Foundation

/// A user's purchase of a product under a plan, the proof of purchase, as `/v5/me/memberships` returns it.
///
/// Whether it grants access now is `valid`, which the provider computes from the status and the dates.
public struct Membership: Sendable, Hashable, Decodable {
    /// `id`: the identifier, `mem_…`.
    public var id: String
    /// `product_id`: the `prod_…` identifier of the product bought.
    public var productID: String
    /// `user_id`: the `user_…` identifier of the buyer.
    public var userID: String
    /// `plan_id`: the `plan_…` identifier of the plan bought.
    public var planID: String
    /// `company_id`: the `biz_…` identifier of the seller, or nil when the provider sends none.
    public var companyID: String?
    /// `status`: the billing state, possibly one this version does not know.
    public var status: MembershipStatus
    /// `valid`: whether the membership grants access now.
    public var valid: Bool
    /// `created_at`: the purchase time.
    public var createdAt: Date
    /// `expires_at`: when the membership stops granting access, or nil for no fixed end.
    public var expiresAt: Date?
    /// `renewal_period_start`: start of the current billing period, or nil.
    public var renewalPeriodStart: Date?
    /// `renewal_period_end`: end of the current billing period, or nil.
    public var renewalPeriodEnd: Date?
    /// `cancel_at_period_end`: whether the membership ends at `renewalPeriodEnd` instead of renewing.
    public var cancelAtPeriodEnd: Bool
    /// `quantity`: how many units were bought.
    public var quantity: Int
    /// `license_key`: the license key issued with the purchase, or nil.
    public var licenseKey: String?
    /// `metadata`: free-form values set by the seller, empty when the provider sends `null` or nothing.
    public var metadata: [String: JSONValue]
    /// `manage_url`: where the buyer manages the membership, or nil when absent or not a parseable URL.
    public var manageURL: URL?

    private enum CodingKeys: String, CodingKey {
        case id, status, valid, quantity, metadata
        case productID = "product_id"
        case userID = "user_id"
        case planID = "plan_id"
        case companyID = "company_id"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case renewalPeriodStart = "renewal_period_start"
        case renewalPeriodEnd = "renewal_period_end"
        case cancelAtPeriodEnd = "cancel_at_period_end"
        case licenseKey = "license_key"
        case manageURL = "manage_url"
    }

    /// Decodes one membership object, with times in Unix seconds, ignoring keys it does not know.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        productID = try container.decode(String.self, forKey: .productID)
        userID = try container.decode(String.self, forKey: .userID)
        planID = try container.decode(String.self, forKey: .planID)
        companyID = try container.decodeIfPresent(String.self, forKey: .companyID)
        status = try container.decode(MembershipStatus.self, forKey: .status)
        valid = try container.decode(Bool.self, forKey: .valid)

        createdAt = try container.decodeUnixTime(forKey: .createdAt)
        expiresAt = try container.decodeUnixTimeIfPresent(forKey: .expiresAt)
        renewalPeriodStart = try container.decodeUnixTimeIfPresent(forKey: .renewalPeriodStart)
        renewalPeriodEnd = try container.decodeUnixTimeIfPresent(forKey: .renewalPeriodEnd)

        cancelAtPeriodEnd = try container.decode(Bool.self, forKey: .cancelAtPeriodEnd)
        quantity = try container.decode(Int.self, forKey: .quantity)
        licenseKey = try container.decodeIfPresent(String.self, forKey: .licenseKey)
        metadata = try container.decodeIfPresent([String: JSONValue].self, forKey: .metadata) ?? [:]
        manageURL = try container.decodeLenientURL(forKey: .manageURL)
    }
}

/// One page of memberships with the pagination of `GET /v5/me/memberships`.
public struct MembershipPage: Sendable, Hashable, Decodable {
    /// The position of a page within the whole list.
    public struct Pagination: Sendable, Hashable, Decodable {
        /// `current_page`: this page's number, from 1.
        public var currentPage: Int
        /// `total_pages`: how many pages there are.
        public var totalPages: Int
        /// `next_page`: the next page's number, or nil on the last page.
        public var nextPage: Int?
        /// `prev_page`: the previous page's number, or nil on the first page.
        public var previousPage: Int?
        /// `total_count`: how many memberships match, over all pages.
        public var totalCount: Int

        private enum CodingKeys: String, CodingKey {
            case currentPage = "current_page"
            case totalPages = "total_pages"
            case nextPage = "next_page"
            case previousPage = "prev_page"
            case totalCount = "total_count"
        }
    }

    /// `pagination`: where this page sits in the list.
    public var pagination: Pagination
    /// `data`: the memberships on this page.
    public var data: [Membership]
}
