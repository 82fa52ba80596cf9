#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A wall-clock instant, in seconds and nanoseconds since 1970-01-01T00:00:00Z.
///
/// Formatting converts days to a calendar date with integer arithmetic instead of calling
/// `gmtime_r`, because glibc's `gmtime_r` takes a process-wide lock and loggers format a
/// timestamp for every record on every worker thread.
struct UTCTimestamp: Equatable {
    /// Whole seconds since the Unix epoch; negative before 1970.
    var seconds: Int64

    /// Nanoseconds past `seconds`, from 0 to 999_999_999.
    var nanoseconds: Int64

    /// Reads the real-time clock.
    static func now() -> UTCTimestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return UTCTimestamp(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }

    /// Appends the ISO 8601 form with milliseconds, such as `2026-12-04T16:56:52.123Z`.
    func append(to buffer: inout [UInt8]) {
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let date = CivilDate(daysSinceEpoch: days)

        buffer.appendDigits(date.year, count: 4)
        buffer.append(UInt8(ascii: "-"))
        buffer.appendDigits(date.month, count: 2)
        buffer.append(UInt8(ascii: "-"))
        buffer.appendDigits(date.day, count: 2)
        buffer.append(UInt8(ascii: "T"))
        buffer.appendDigits(secondOfDay / 3600, count: 2)
        buffer.append(UInt8(ascii: ":"))
        buffer.appendDigits(secondOfDay / 60 % 60, count: 2)
        buffer.append(UInt8(ascii: ":"))
        buffer.appendDigits(secondOfDay % 60, count: 2)
        buffer.append(UInt8(ascii: "."))
        buffer.appendDigits(nanoseconds / 1_000_000, count: 3)
        buffer.append(UInt8(ascii: "Z"))
    }
}

/// A date in the proleptic Gregorian calendar.
struct CivilDate: Equatable {
    var year: Int64
    var month: Int64
    var day: Int64

    /// Converts a count of days since 1970-01-01 to a date.
    ///
    /// The calculation shifts the year to start on March 1, so the leap day is the last day of a
    /// shifted year, and splits time into 400-year eras of 146_097 days, which repeat exactly.
    init(daysSinceEpoch days: Int64) {
        let daysSinceMarch1Year0 = days + 719_468
        let (era, dayOfEra) = daysSinceMarch1Year0.floorDivided(by: 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153

        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0)
    }
}

extension Int64 {
    /// Divides rounding toward negative infinity, so the remainder is never negative.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = self % divisor
        if remainder < 0 {
            return (self / divisor - 1, remainder + divisor)
        }
        return (self / divisor, remainder)
    }
}
