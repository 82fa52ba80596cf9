import Testing

@testable import DoormanHTTP

@Suite struct CookiesTests {
    typealias Pair = Cookies.Pair

    static let cases: [(header: String, expected: [Pair])] = [
        ("", []),
        ("a=1", [Pair(name: "a", value: "1")]),
        ("a=1; b=2", [Pair(name: "a", value: "1"), Pair(name: "b", value: "2")]),
        ("a=1;b=2", [Pair(name: "a", value: "1"), Pair(name: "b", value: "2")]),
        ("  a=1 ;\tb=2  ", [Pair(name: "a", value: "1"), Pair(name: "b", value: "2")]),
        ("a = 1", [Pair(name: "a", value: "1")]),
        ("a=", [Pair(name: "a", value: "")]),
        ("a=\"\"", [Pair(name: "a", value: "")]),
        ("a=\"xyz\"", [Pair(name: "a", value: "xyz")]),
        ("a=x=y", [Pair(name: "a", value: "x=y")]),
        (
            "sid=abc-DEF_123.~!#$%&'()*+-./:<>?@[]^`{|}",
            [Pair(name: "sid", value: "abc-DEF_123.~!#$%&'()*+-./:<>?@[]^`{|}")]
        ),
        ("a=1; a=2", [Pair(name: "a", value: "1")]),
        ("A=1; a=2", [Pair(name: "A", value: "1"), Pair(name: "a", value: "2")]),
        ("a=1;", [Pair(name: "a", value: "1")]),
        (";;;", []),
        ("junk", []),
        ("a=1; junk; b=2", [Pair(name: "a", value: "1"), Pair(name: "b", value: "2")]),
        ("=b; c=d", [Pair(name: "c", value: "d")]),
        ("a b=1; c=2", [Pair(name: "c", value: "2")]),
        ("a=x y; c=2", [Pair(name: "c", value: "2")]),
        ("a=x,y; c=2", [Pair(name: "c", value: "2")]),
        ("a=x\\y; c=2", [Pair(name: "c", value: "2")]),
        ("a=\"x y\"; c=2", [Pair(name: "c", value: "2")]),
        ("a=\"; c=2", [Pair(name: "c", value: "2")]),
        ("a=\"x; c=2", [Pair(name: "c", value: "2")]),
        ("a=x\"; c=2", [Pair(name: "c", value: "2")]),
        ("a=\"\"\"; c=2", [Pair(name: "c", value: "2")]),
        ("é=1; c=2", [Pair(name: "c", value: "2")]),
        ("a=é; c=2", [Pair(name: "c", value: "2")]),
        ("a=\u{1}; c=2", [Pair(name: "c", value: "2")]),
        ("(a)=1; c=2", [Pair(name: "c", value: "2")]),
        ("bad=1 2; bad=3", [Pair(name: "bad", value: "3")]),
    ]

    @Test(arguments: cases)
    func parsesHeader(header: String, expected: [Pair]) {
        #expect(Cookies.parse(header).pairs == expected)
        #expect(Cookies.parse(Array(header.utf8)).pairs == expected)
    }

    @Test func looksUpValues() {
        let cookies = Cookies.parse("session=s1; theme=dark; session=s2")
        #expect(cookies.value("session") == "s1")
        #expect(cookies.value("theme") == "dark")
        #expect(cookies.value("Theme") == nil)
        #expect(cookies.value("missing") == nil)
        #expect(!cookies.isEmpty)
        #expect(Cookies.parse("junk").isEmpty)
    }

    @Test func skipsInvalidBytes() {
        let header: [UInt8] = Array("a=1; b=".utf8) + [0xFF, 0xC3] + Array("; c=3".utf8)
        #expect(Cookies.parse(header).pairs == [Pair(name: "a", value: "1"), Pair(name: "c", value: "3")])
    }

    @Test func keepsFirstAmongManyDuplicates() {
        let header = (0..<2000).map { "name\($0 % 100)=\($0)" }.joined(separator: "; ")
        let cookies = Cookies.parse(header)
        #expect(cookies.pairs.count == 100)
        #expect(cookies.value("name0") == "0")
        #expect(cookies.value("name99") == "99")
    }

    @Test func neverCrashesOnArbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("a=; \"\t,x".utf8) + [0x00, 0x80, 0xFF]
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<20, using: &generator)
            let header = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            for pair in Cookies.parse(header).pairs {
                #expect(!pair.name.isEmpty)
                #expect(pair.value.utf8.allSatisfy(Cookies.isCookieOctet))
            }
        }
    }
}
