import Foundation
import Testing

@testable import Logging

@Suite struct UTCTimestampTests {
    private func formatted(_ seconds: Int64, nanoseconds: Int64 = 0) -> String {
        var buffer: [UInt8] = []
        UTCTimestamp(seconds: seconds, nanoseconds: nanoseconds).append(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test(arguments: [
        (Int64(0), Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_796_403_412, 123_456_789, "2026-12-04T16:56:52.123Z"),
        (951_782_400, 999_999_999, "2000-02-29T00:00:00.999Z"),
        (-1, 0, "1969-12-31T23:59:59.000Z"),
        (-2_203_891_200, 5_000_000, "1900-03-01T00:00:00.005Z"),
        (253_402_300_799, 0, "9999-12-31T23:59:59.000Z"),
    ])
    func knownInstants(seconds: Int64, nanoseconds: Int64, expected: String) {
        #expect(formatted(seconds, nanoseconds: nanoseconds) == expected)
    }

    @Test func matchesGmtime() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let seconds = Int64.random(in: -5_000_000_000...10_000_000_000, using: &generator)
            var time = time_t(seconds)
            var parts = tm()
            gmtime_r(&time, &parts)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.000Z",
                parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)

            #expect(formatted(seconds) == expected, "seconds \(seconds)")
        }
    }

    @Test func nowIsCurrent() {
        let now = UTCTimestamp.now()
        let reference = Int64(Date().timeIntervalSince1970)

        #expect(abs(now.seconds - reference) <= 2)
        #expect((0..<1_000_000_000).contains(now.nanoseconds))
    }
}
