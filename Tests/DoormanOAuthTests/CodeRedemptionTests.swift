import DoormanOAuth
import Testing

private let issuedAt: Int64 = 1_764_892_800

private func code(
    client: WebApp = Fixtures.confidentialApp, redirectURI: String? = Fixtures.callback,
    challenge: String? = nil, method: PKCE.Method? = nil, consumedAt: Int64? = nil
) -> AuthorizationCode {
    AuthorizationCode(
        codeHash: TokenHash.of("the-code"), clientID: client.clientID, userID: "user_1", redirectURI: redirectURI,
        scope: .default, codeChallenge: challenge, codeChallengeMethod: method, createdAt: issuedAt,
        expiresAt: issuedAt + 600, consumedAt: consumedAt)
}

private func redemptionError(
    _ code: AuthorizationCode?, client: WebApp = Fixtures.confidentialApp, redirectURI: String? = Fixtures.callback,
    verifier: String? = nil, now: Int64 = issuedAt + 10
) -> OAuthError? {
    let grant = TokenRequest.AuthorizationCodeGrant(code: "the-code", redirectURI: redirectURI, codeVerifier: verifier)
    return oauthError { try CodeRedemption.check(code: code, client: client, grant: grant, now: now) }
}

struct CodeRedemptionTests {
    @Test func validCodePasses() {
        #expect(redemptionError(code()) == nil)
    }

    @Test func returnsTheRecord() throws {
        let record = code()
        let grant = TokenRequest.AuthorizationCodeGrant(code: "the-code", redirectURI: Fixtures.callback)

        let checked = try CodeRedemption.check(
            code: record, client: Fixtures.confidentialApp, grant: grant, now: issuedAt)

        #expect(checked == record)
    }

    @Test func unknownCodeIsInvalidGrant() {
        let error = redemptionError(nil)

        #expect(error?.code == .invalidGrant)
        #expect(error?.description == WireText.invalidGrant)
        #expect(error?.status == 400)
    }

    @Test func codeOfAnotherClientIsInvalidGrant() {
        let error = redemptionError(code(client: Fixtures.twoCallbackApp))

        #expect(error?.code == .invalidGrant)
        #expect(error?.description == WireText.invalidGrant)
    }

    @Test func usedCodeIsInvalidGrant() {
        let error = redemptionError(code(consumedAt: issuedAt + 5))

        #expect(error?.code == .invalidGrant)
        #expect(error?.description == WireText.invalidGrant)
    }

    @Test(arguments: [(issuedAt + 599, true), (issuedAt + 600, false), (issuedAt + 3600, false)])
    func codeExpiresAfterItsLifetime(now: Int64, passes: Bool) {
        let error = redemptionError(code(), now: now)

        #expect((error == nil) == passes)
        if !passes {
            #expect(error?.code == .invalidGrant)
        }
    }

    @Test func redirectURIMissingWhenSentAtAuthorize() {
        let error = redemptionError(code(), redirectURI: nil)

        #expect(error?.code == .invalidRequest)
        #expect(error?.description == "Missing required parameter: redirect_uri.")
    }

    @Test(arguments: [
        Fixtures.callback + "/", "https://APP.example/callback", Fixtures.otherCallback,
        "https://app.example/callback?x",
    ])
    func redirectURIMustBeIdentical(requested: String) {
        let error = redemptionError(code(), redirectURI: requested)

        #expect(error?.code == .invalidGrant)
        #expect(error?.description == WireText.invalidGrant)
    }

    @Test func redirectURIComparesBytesNotUnicodeEquivalence() {
        let composed = "https://app.example/caf\u{E9}"
        let decomposed = "https://app.example/cafe\u{301}"

        #expect(composed == decomposed)
        #expect(redemptionError(code(redirectURI: composed), redirectURI: decomposed)?.code == .invalidGrant)
    }

    @Test func launchCodeNeedsNoRedirectURI() {
        #expect(redemptionError(code(redirectURI: nil), redirectURI: nil) == nil)
    }

    @Test func launchCodeAcceptsAnyRegisteredRedirectURI() {
        let app = Fixtures.twoCallbackApp
        let launchCode = code(client: app, redirectURI: nil)

        #expect(redemptionError(launchCode, client: app, redirectURI: Fixtures.callback) == nil)
        #expect(redemptionError(launchCode, client: app, redirectURI: Fixtures.otherCallback) == nil)
    }

    @Test func launchCodeRejectsUnregisteredRedirectURI() {
        let error = redemptionError(code(redirectURI: nil), redirectURI: "https://evil.example/callback")

        #expect(error?.code == .invalidGrant)
    }
}

struct CodeRedemptionPKCETests {
    private let s256Code = code(challenge: Fixtures.challenge, method: .s256)

    @Test func matchingVerifierPasses() {
        #expect(redemptionError(s256Code, verifier: Fixtures.verifier) == nil)
    }

    @Test func plainChallengeWithMatchingVerifierPasses() {
        let plainCode = code(challenge: Fixtures.verifier, method: .plain)

        #expect(redemptionError(plainCode, verifier: Fixtures.verifier) == nil)
    }

    @Test func missingVerifierIsInvalidGrant() {
        let error = redemptionError(s256Code, verifier: nil)

        #expect(error?.code == .invalidGrant)
        #expect(error?.description == WireText.invalidGrant)
    }

    @Test(arguments: [
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK",
        Fixtures.challenge,
        "short",
        Fixtures.verifier + "!",
        String(repeating: "a", count: 129),
    ])
    func wrongOrMalformedVerifierIsInvalidGrant(verifier: String) {
        let error = redemptionError(s256Code, verifier: verifier)

        #expect(error?.code == .invalidGrant)
        #expect(error?.description == WireText.invalidGrant)
    }

    @Test func verifierWithoutChallengeIsInvalidGrant() {
        let error = redemptionError(code(), verifier: Fixtures.verifier)

        #expect(error?.code == .invalidGrant)
    }

    @Test(arguments: [Fixtures.publicApp, Fixtures.pkceApp])
    func clientNeedingPKCECannotRedeemCodeWithoutChallenge(client: WebApp) {
        let error = redemptionError(code(client: client), client: client)

        #expect(error?.code == .invalidGrant)
    }

    @Test func publicClientWithChallengePasses() {
        let publicCode = code(client: Fixtures.publicApp, challenge: Fixtures.challenge, method: .s256)

        #expect(redemptionError(publicCode, client: Fixtures.publicApp, verifier: Fixtures.verifier) == nil)
    }
}
