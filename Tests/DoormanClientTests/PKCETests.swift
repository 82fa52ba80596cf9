import Testing

@testable import DoormanClient

struct PKCETests {
    /// RFC 7636 Appendix B: the challenge is base64url(SHA-256(ASCII(code_verifier))) without padding.
    @Test func challengeMatchesRFC7636Example() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

        #expect(PKCE.challenge(for: verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test func methodIsS256() {
        #expect(PKCE.method == "S256")
    }

    @Test func newVerifierHas43ValidCharacters() {
        let verifier = PKCE.makeVerifier()

        #expect(verifier.count == 43)
        #expect(PKCE.isValidVerifier(verifier))
    }

    @Test func newVerifiersDiffer() {
        let verifiers = Set((0..<100).map { _ in PKCE.makeVerifier() })

        #expect(verifiers.count == 100)
    }

    @Test func verifierComesFromGivenGenerator() {
        var first = CountingGenerator()
        var second = CountingGenerator()

        #expect(PKCE.makeVerifier(using: &first) == PKCE.makeVerifier(using: &second))
        #expect(first.calls == 4)
    }

    /// 32 bytes of a known generator encode to a known verifier, so bytes are neither dropped nor repeated.
    @Test func verifierEncodesGeneratorBytesInOrder() {
        var generator = CountingGenerator()

        let verifier = PKCE.makeVerifier(using: &generator)

        // Words 1, 2, 3, 4 as little-endian bytes: 01 00 00 00 00 00 00 00 02 00 … 04 00 00 00 00 00 00 00.
        #expect(verifier == "AQAAAAAAAAACAAAAAAAAAAMAAAAAAAAABAAAAAAAAAA")
    }

    @Test(arguments: [
        (String(repeating: "a", count: 43), true),
        (String(repeating: "a", count: 128), true),
        (String(repeating: "a", count: 42), false),
        (String(repeating: "a", count: 129), false),
        ("AZaz09-._~" + String(repeating: "x", count: 33), true),
        (String(repeating: "a", count: 42) + "+", false),
        (String(repeating: "a", count: 42) + "=", false),
        (String(repeating: "a", count: 42) + "é", false),
        ("", false),
    ])
    func verifierSyntax(verifier: String, valid: Bool) {
        #expect(PKCE.isValidVerifier(verifier) == valid)
    }

    @Test(arguments: [
        ([UInt8](), ""),
        ([0xfb], "-w"),
        ([0xff, 0xff], "__8"),
        ([0x66, 0x6f, 0x6f], "Zm9v"),
    ])
    func base64URLHasNoPadding(bytes: [UInt8], expected: String) {
        #expect(Base64URL.encode(bytes) == expected)
    }
}

/// A generator that returns 1, 2, 3, … so tests can predict every byte drawn from it.
struct CountingGenerator: RandomNumberGenerator {
    private(set) var calls: UInt64 = 0

    mutating func next() -> UInt64 {
        calls += 1
        return calls
    }
}
