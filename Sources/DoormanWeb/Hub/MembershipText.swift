import DoormanOAuth

/// Memberships and times in the words a buyer or seller reads.
enum MembershipText {
    /// Returns the status in plain words, such as `past due`.
    static func status(_ status: MembershipStatus) -> String {
        switch status {
        case .trialing: "free trial"
        case .pastDue: "past due"
        default: status.rawValue
        }
    }

    /// Returns a badge that shows whether the membership grants access at `now`, in Unix seconds.
    static func validityBadge(_ membership: Membership, at now: Int64) -> HTML {
        membership.isValid(at: now)
            ? "<span class=\"badge valid\">Valid now</span>"
            : "<span class=\"badge invalid\">Not valid now</span>"
    }

    /// Returns the status and the validity badge, such as `active · Valid now`.
    static func summary(_ membership: Membership, at now: Int64) -> HTML {
        "<span class=\"badge\">\(status(membership.status))</span> \(validityBadge(membership, at: now))"
    }

    /// Returns a Unix time as a UTC date and time, such as `2025-12-05 14:30 UTC`.
    static func date(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return "\(year)-\(twoDigits(month))-\(twoDigits(day)) "
            + "\(twoDigits(secondOfDay / 3600)):\(twoDigits(secondOfDay / 60 % 60)) UTC"
    }

    /// Converts days since 1970-01-01 to a date in the proleptic Gregorian calendar, with Howard Hinnant's
    /// `civil_from_days` algorithm: 400-year eras of 146,097 days, with years starting in March.
    private static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
