import Testing

@testable import DoormanHTTP

@Suite struct HTTPDateTests {
    // Expected texts come from Python's datetime.strftime("%a, %d %b %Y %H:%M:%S GMT") in UTC.
    static let cases: [(unixTime: Int64, expected: String)] = [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_709_251_199, "Thu, 29 Feb 2024 23:59:59 GMT"),
        (253_402_300_799, "Fri, 31 Dec 9999 23:59:59 GMT"),
    ]

    @Test(arguments: cases)
    func formatsIMFFixdate(unixTime: Int64, expected: String) {
        #expect(HTTPDate.format(unixTime: unixTime) == expected)
    }
}
