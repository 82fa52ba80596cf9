/// The limits on a plan's price and terms, shared by the seller dashboard and `doorman plan create`.
public enum PlanRules {
    /// The accepted renewal periods in days, up to ten years of 365 days.
    public static let renewalDays = 1...3650

    /// The accepted free trial lengths in days.
    public static let trialDays = 0...365

    /// The accepted prices in minor units, such as cents. Prices above the maximum are far more likely typos
    /// than sales.
    public static let prices = 0...1_000_000_000

    /// The spelling of a one-time renewal period, as a seller types it.
    public static let oneTime = "one-time"

    /// Returns `value` in lowercase when it is three ASCII letters, or nil.
    ///
    /// Only the shape of an ISO 4217 code is checked, not that the code is assigned.
    public static func normalizedCurrency(_ value: String) -> String? {
        let lowercase = UInt8(ascii: "a")...UInt8(ascii: "z")
        let uppercase = UInt8(ascii: "A")...UInt8(ascii: "Z")
        let isASCIILetter = { (byte: UInt8) in lowercase.contains(byte) || uppercase.contains(byte) }
        guard value.utf8.count == 3, value.utf8.allSatisfy(isASCIILetter) else {
            return nil
        }
        return value.lowercased()
    }

    /// Parses `one-time` or a number of days within `renewalDays`, or returns nil.
    public static func parseRenewal(_ value: String) -> Plan.RenewalPeriod? {
        if value == oneTime {
            return .oneTime
        }
        guard let days = Int(value), renewalDays.contains(days) else {
            return nil
        }
        return .days(days)
    }

    /// Returns whether a plan with `period` may have a free trial of `trialDays` days.
    ///
    /// Only renewing plans have a trial, because a trial postpones the first renewal payment.
    public static func allowsTrial(of trialDays: Int, with period: Plan.RenewalPeriod) -> Bool {
        trialDays == 0 || period != .oneTime
    }
}
