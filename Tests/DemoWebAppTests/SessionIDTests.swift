import Testing

@testable import DemoWebApp

/// The random ids in the app's cookies.
struct SessionIDTests {
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func encodingMatchesRFC4648Vectors(input: String, expected: String) {
        #expect(SessionID.encode(Array(input.utf8)) == expected)
    }

    @Test func encodingUsesTheURLAlphabet() {
        #expect(SessionID.encode([0xFB, 0xFF]) == "-_8")
    }

    @Test func newIDsAreWellFormedAndDistinct() {
        let ids = (0..<100).map { _ in SessionID.make() }

        #expect(ids.allSatisfy(SessionID.isWellFormed))
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: ["", "short", String(repeating: "a", count: 42) + "=", String(repeating: "a", count: 44)])
    func malformedIDsAreRejected(value: String) {
        #expect(!SessionID.isWellFormed(value))
    }
}
