import DoormanHTTP
import Testing

@Suite struct ClientAddressTests {
    @Test(arguments: [
        ("192.0.2.1", "192.0.2.1"), ("::ffff:192.0.2.1", "192.0.2.1"), ("2001:DB8::1", "2001:db8::1"),
        ("2001:db8:0:0:0:0:0:1", "2001:db8::1"), ("::1", "::1"), ("::", "::"),
    ])
    func addressHasStandardText(text: String, expected: String) throws {
        #expect(try #require(IPAddress(text)).description == expected)
    }

    @Test(arguments: ["", "localhost", "256.0.0.1", "1.2.3", "[::1]", "192.0.2.1:80", "fe80::1%eth0", " 192.0.2.1"])
    func addressRejectsNonNumericText(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test(arguments: [
        ("192.0.2.1", "192.0.2.1"), ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"), ("::1", "::/64"),
    ])
    func rateLimitGroupOfIPv6IsItsNetwork(text: String, group: String) throws {
        #expect(try #require(IPAddress(text)).rateLimitGroup == group)
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.255.1.2", true), ("10.0.0.0/8", "11.0.0.1", false), ("10.1.2.3", "10.1.2.3", true),
        ("10.1.2.3", "10.1.2.4", false), ("0.0.0.0/0", "203.0.113.9", true), ("0.0.0.0/0", "::1", false),
        ("fd00::/8", "fd12::1", true), ("fd00::/8", "fe80::1", false), ("::/0", "192.0.2.1", false),
        ("::1", "::1", true), ("10.0.0.0/8", "::ffff:10.0.0.1", true), ("2001:db8::/127", "2001:db8::1", true),
    ])
    func rangeContainsAddressesOfItsNetwork(range: String, address: String, contained: Bool) throws {
        let parsedRange = try #require(IPAddressRange(range))
        let parsedAddress = try #require(IPAddress(address))

        #expect(parsedRange.contains(parsedAddress) == contained)
    }

    @Test(arguments: ["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "/8", "proxy/8"])
    func rangeRejectsMalformedText(text: String) {
        #expect(IPAddressRange(text) == nil)
    }

    @Test func rangeClearsHostBits() throws {
        #expect(try #require(IPAddressRange("10.1.2.3/8")).description == "10.0.0.0/8")
        #expect(try #require(IPAddressRange("2001:db8::1/32")).description == "2001:db8::/32")
    }

    static let proxies = ["10.0.0.0/8", "::1"].compactMap(IPAddressRange.init)

    @Test(arguments: [
        // (peer, X-Forwarded-For values, expected client)
        ("203.0.113.9", ["198.51.100.7"], "203.0.113.9"),  // the peer is no proxy: the header is ignored
        ("10.0.0.2", [], "10.0.0.2"),  // a proxy that sent no header is the client
        ("10.0.0.2", ["198.51.100.7"], "198.51.100.7"),
        ("10.0.0.2", ["6.6.6.6, 198.51.100.7"], "198.51.100.7"),  // left of the proxy's entry is the client's own
        ("10.0.0.2", ["198.51.100.7, 10.0.0.5"], "198.51.100.7"),  // a second trusted hop is skipped
        ("10.0.0.2", ["198.51.100.7", "10.0.0.5"], "198.51.100.7"),  // repeated fields join in order
        ("10.0.0.2", ["10.0.0.9, 10.0.0.5"], "10.0.0.9"),  // every hop trusted: the left-most
        ("10.0.0.2", ["198.51.100.7, garbage"], "10.0.0.2"),  // a malformed entry stops at the hop to its right
        ("10.0.0.2", ["garbage, 198.51.100.7"], "198.51.100.7"),
        ("10.0.0.2", ["[2001:db8::7]:4711"], "2001:db8::7"),
        ("10.0.0.2", ["198.51.100.7:4711"], "198.51.100.7"),
        ("::1", ["2001:db8::7"], "2001:db8::7"),
        ("::ffff:10.0.0.2", ["198.51.100.7"], "198.51.100.7"),
        ("unknown", ["198.51.100.7"], "unknown"),
    ])
    func resolveTrustsOnlyProxies(peer: String, forwardedFor: [String], expected: String) {
        #expect(ClientAddress.resolve(peer: peer, forwardedFor: forwardedFor, trustedProxies: Self.proxies) == expected)
    }

    @Test func resolveWithoutProxiesIgnoresHeader() {
        let client = ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["198.51.100.7"], trustedProxies: [])

        #expect(client == "127.0.0.1")
    }
}
