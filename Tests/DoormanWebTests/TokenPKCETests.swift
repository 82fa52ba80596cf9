import DoormanCrypto
import DoormanOAuth
import DoormanTestSupport
import Testing

/// PKCE at the token endpoint (RFC 7636 sections 4.1, 4.2 and 4.6, RFC 9700 section 2.1.1).
@Suite("Token endpoint PKCE")
struct TokenPKCETests {
    private static let rfcVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

    @Test func rfcAppendixBVectorRedeems() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode(verifier: Self.rfcVerifier)
            let record = try #require(try fixture.store.authorizationCode(hash: TokenHash.of(code)))

            let reply = try await fixture.client.postForm(
                "/v5/oauth/token", fixture.codeParameters(code) + [("code_verifier", Self.rfcVerifier)])

            #expect(record.codeChallenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
            #expect(reply.status == 200)
        }
    }

    @Test(
        "verifier outside the RFC 7636 syntax is refused even when it derives the challenge",
        arguments: [
            String(repeating: "a", count: 42), String(repeating: "a", count: 129),
            String(repeating: "a", count: 42) + "+", String(repeating: "a", count: 42) + "=",
        ])
    func malformedVerifierIsInvalidGrant(verifier: String) async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode(verifier: verifier)

            let reply = try await fixture.client.postForm(
                "/v5/oauth/token", fixture.codeParameters(code) + [("code_verifier", verifier)])

            #expect(reply.status == 400)
            #expect(reply.oauthError == "invalid_grant")
            #expect(reply.errorDescription == Description.invalidGrant)
        }
    }

    @Test func correctVerifierDoesNotReplaceClientSecret() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode(verifier: Self.rfcVerifier)
            let withoutSecret = fixture.codeParameters(code).filter { $0.0 != "client_secret" }

            let reply = try await fixture.client.postForm(
                "/v5/oauth/token", withoutSecret + [("code_verifier", Self.rfcVerifier)])

            #expect(reply.status == 401)
            #expect(reply.oauthError == "invalid_client")
            #expect(reply.header("WWW-Authenticate") != nil)
            let retry = try await fixture.client.postForm(
                "/v5/oauth/token", fixture.codeParameters(code) + [("code_verifier", Self.rfcVerifier)])
            #expect(retry.status == 200)
        }
    }

    @Test func publicClientRedeemsWithVerifierAlone() async throws {
        try await APIFixture.run { fixture in
            let app = try fixture.createPublicApp()
            let verifier = SecureRandom.token(bytes: 32)
            let code = try fixture.mintCode(for: app, requestedRedirectURI: nil, verifier: verifier)

            let reply = try await fixture.client.postForm(
                "/v5/oauth/token",
                [
                    ("grant_type", "authorization_code"), ("code", code), ("client_id", app.clientID),
                    ("code_verifier", verifier),
                ])

            #expect(reply.status == 200)
            #expect(reply.json["access_token"]?.stringValue != nil)
        }
    }

    @Test func publicClientWithoutVerifierIsInvalidGrant() async throws {
        try await APIFixture.run { fixture in
            let app = try fixture.createPublicApp()
            let code = try fixture.mintCode(for: app, requestedRedirectURI: nil, verifier: SecureRandom.token())

            let reply = try await fixture.client.postForm(
                "/v5/oauth/token", [("grant_type", "authorization_code"), ("code", code), ("client_id", app.clientID)])

            #expect(reply.status == 400)
            #expect(reply.oauthError == "invalid_grant")
        }
    }
}

extension APIFixture {
    /// Stores and returns a public web app, which has no secret, for the course product.
    func createPublicApp() throws -> WebApp {
        let app = WebApp(
            id: "exp_public", companyID: company.id, name: "Public app", clientID: "app_public",
            clientSecretHash: nil, redirectURIs: ["https://public.example/callback"], productIDs: [product.id],
            createdAt: Self.start)
        try store.createWebApp(app)
        return app
    }
}
