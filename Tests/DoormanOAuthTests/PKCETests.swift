import DoormanOAuth
import Testing

struct PKCETests {
    // RFC 7636 Appendix B.
    private let rfcVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    private let rfcChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"

    @Test func s256MatchesRFCVector() {
        #expect(PKCE.challenge(for: rfcVerifier, method: .s256) == rfcChallenge)
        #expect(PKCE.verify(verifier: rfcVerifier, challenge: rfcChallenge, method: .s256))
    }

    @Test func s256RejectsOtherVerifier() {
        let other = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK"

        #expect(!PKCE.verify(verifier: other, challenge: rfcChallenge, method: .s256))
    }

    @Test func s256RejectsChallengeAsVerifier() {
        #expect(!PKCE.verify(verifier: rfcChallenge, challenge: rfcChallenge, method: .s256))
    }

    @Test func plainComparesVerbatim() {
        #expect(PKCE.verify(verifier: rfcVerifier, challenge: rfcVerifier, method: .plain))
        #expect(!PKCE.verify(verifier: rfcVerifier, challenge: rfcChallenge, method: .plain))
    }

    @Test func plainRejectsMalformedVerifierEvenIfEqual() {
        let short = "abc"

        #expect(!PKCE.verify(verifier: short, challenge: short, method: .plain))
    }

    @Test(arguments: [
        (String(repeating: "a", count: 43), true),
        (String(repeating: "a", count: 128), true),
        (String(repeating: "a", count: 42), false),
        (String(repeating: "a", count: 129), false),
        ("AZaz09-._~" + String(repeating: "x", count: 33), true),
        (String(repeating: "a", count: 42) + "+", false),
        (String(repeating: "a", count: 42) + "/", false),
        (String(repeating: "a", count: 42) + "=", false),
        (String(repeating: "a", count: 42) + " ", false),
        (String(repeating: "a", count: 42) + "é", false),
        ("", false),
    ])
    func verifierSyntax(verifier: String, valid: Bool) {
        #expect(PKCE.isValidVerifier(verifier) == valid)
    }

    @Test(arguments: [
        ("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", PKCE.Method.s256, true),
        ("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c", .s256, false),
        ("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=", .s256, false),
        ("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw.cM", .s256, false),
        ("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw.cM", .plain, true),
        ("short", .plain, false),
    ])
    func challengeSyntax(challenge: String, method: PKCE.Method, valid: Bool) {
        #expect(PKCE.isValidChallenge(challenge, method: method) == valid)
    }

    @Test func methodWireNames() {
        #expect(PKCE.Method(rawValue: "S256") == .s256)
        #expect(PKCE.Method(rawValue: "plain") == .plain)
        #expect(PKCE.Method(rawValue: "s256") == nil)
    }
}
