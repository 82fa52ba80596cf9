/// Formatter of HTTP dates in the IMF-fixdate form of RFC 9110 section 5.6.7, such as
/// `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    /// Unix time of 9999-12-31T23:59:59Z, the last instant that IMF-fixdate can write with four year digits.
    static let maximumUnixTime: Int64 = 253_402_300_799

    private static let weekdayNames = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats a Unix time in seconds, which must be within `0...maximumUnixTime`.
    static func format(unixTime: Int64) -> String {
        precondition((0...maximumUnixTime).contains(unixTime), "HTTP dates cover 1970 to 9999 only")

        let days = unixTime / 86_400
        let secondOfDay = unixTime % 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)

        // 1970-01-01 was a Thursday, the first entry of weekdayNames.
        let weekday = weekdayNames[Int(days % 7)]
        let date = "\(padded(day, 2)) \(monthNames[Int(month) - 1]) \(padded(year, 4))"
        let time = "\(padded(secondOfDay / 3600, 2)):\(padded(secondOfDay / 60 % 60, 2)):\(padded(secondOfDay % 60, 2))"
        return "\(weekday), \(date) \(time) GMT"
    }

    /// Converts days since 1970-01-01 (not negative) to a proleptic Gregorian date.
    ///
    /// The computation counts 400-year eras of years that start on March 1, so that the leap day ends each year.
    /// It follows `civil_from_days` from Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms" (2013).
    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
