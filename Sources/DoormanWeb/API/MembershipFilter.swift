import DoormanHTTP
import DoormanOAuth

/// The filters of `GET /v5/me/memberships`, read from its query parameters.
///
/// Every filter narrows the list, and all of them apply together:
/// - `company_id`, `product_id`: only memberships with that identifier.
/// - `valid` (default `true`): only memberships whose `valid` field has that value at the time of the request,
///   so `valid=false` lists only the memberships that grant no access. A client that wants both sends two requests.
/// - `statuses[]`, repeatable: only memberships with one of these statuses. Because `valid` defaults to
///   `true`, a client asking for `canceled` or `expired` memberships must also send `valid=false`.
struct MembershipFilter: Sendable, Equatable {
    /// The `company_id` to match, or nil for any.
    var companyID: String?
    /// The `product_id` to match, or nil for any.
    var productID: String?
    /// The value of `valid` to match.
    var valid = true
    /// The statuses to match, or nil for any.
    var statuses: Set<MembershipStatus>?

    /// Reads the filters from `query`. Absent or empty parameters keep their defaults.
    ///
    /// - Throws: `APIFailure` 400 when `company_id`, `product_id` or `valid` is repeated, `valid` is not `true` or
    ///   `false`, or a `statuses[]` value is not a status name.
    static func parse(_ query: URLEncodedForm) throws(APIFailure) -> MembershipFilter {
        var filter = MembershipFilter()
        filter.companyID = try APIQuery.singleValue("company_id", in: query)
        filter.productID = try APIQuery.singleValue("product_id", in: query)

        switch try APIQuery.singleValue("valid", in: query) {
        case nil, "true":
            filter.valid = true
        case "false":
            filter.valid = false
        case let other?:
            throw .badRequest("valid must be true or false, got \(APIQuery.excerpt(other)).")
        }

        let statusNames = query.values("statuses[]").filter { !$0.isEmpty }
        if !statusNames.isEmpty {
            filter.statuses = try Set(statusNames.map(parseStatus))
        }
        return filter
    }

    /// Returns whether `membership` passes every filter at `now`, in Unix seconds.
    func matches(_ membership: Membership, at now: Int64) -> Bool {
        if let companyID, !membership.companyID.utf8.elementsEqual(companyID.utf8) {
            return false
        }
        if let productID, !membership.productID.utf8.elementsEqual(productID.utf8) {
            return false
        }
        if let statuses, !statuses.contains(membership.status) {
            return false
        }
        return membership.isValid(at: now) == valid
    }

    private static func parseStatus(_ name: String) throws(APIFailure) -> MembershipStatus {
        guard let status = MembershipStatus(rawValue: name) else {
            let names = MembershipStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw .badRequest("statuses[] must be one of \(names), got \(APIQuery.excerpt(name)).")
        }
        return status
    }
}
