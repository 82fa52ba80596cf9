import DoormanOAuth
import DoormanTestSupport
import Testing

private let invalidTokenMessage =
    "Your access token is invalid. Please make sure you are passing an access token, and that it is correctly "
    + "formatted."
private let missingChallenge = #"Bearer realm="doorman""#
private let invalidChallenge = #"Bearer realm="doorman", error="invalid_token""#

/// Checks a v5 API 401: status, exact body, challenge and no-store.
private func expectUnauthorized(_ reply: TestConnection.Reply, challenge: String) {
    #expect(reply.status == 401)
    #expect(reply.text == #"{"message":"\#(invalidTokenMessage)"}"#)
    #expect(reply.header("WWW-Authenticate") == challenge)
    #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
    #expect(reply.header("Cache-Control") == "no-store")
}

private let protectedPaths = [
    "/v5/me", "/api/v5/me", "/v5/me/memberships", "/api/v5/me/memberships", "/v5/me/memberships/mem_buyer",
    "/v5/me/products", "/v5/me/products/prod_course", "/api/v5/me/products/prod_course", "/check/prod_course",
]

@Suite("v5 API bearer authentication")
struct V5AuthenticationTests {
    @Test(arguments: protectedPaths)
    func missingTokenHasChallengeWithoutError(path: String) async throws {
        try await APIFixture.run { fixture in
            expectUnauthorized(try await fixture.client.get(path, token: nil), challenge: missingChallenge)
        }
    }

    @Test(arguments: protectedPaths)
    func unknownTokenIsInvalidToken(path: String) async throws {
        try await APIFixture.run { fixture in
            expectUnauthorized(try await fixture.client.get(path, token: "unknown-token"), challenge: invalidChallenge)
        }
    }

    @Test func tokenInQueryIsIgnored() async throws {
        try await APIFixture.run { fixture in
            let token = try await fixture.accessToken()

            expectUnauthorized(
                try await fixture.client.get("/v5/me?access_token=\(token)", token: nil), challenge: missingChallenge)
        }
    }

    @Test(arguments: ["Basic YXBwOnNlY3JldA==", "Digest username=\"x\"", ""])
    func otherSchemeCountsAsNoToken(header: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.send("GET", "/v5/me", headers: [("Authorization", header)])

            expectUnauthorized(reply, challenge: missingChallenge)
        }
    }

    @Test(arguments: ["Bearer", "Bearer ", "Bearer a b", "Bearer tok\"en", "Bearer =abc"])
    func malformedBearerIsInvalidToken(header: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.send("GET", "/v5/me", headers: [("Authorization", header)])

            expectUnauthorized(reply, challenge: invalidChallenge)
        }
    }

    @Test(arguments: [true, false])
    func twoAuthorizationHeadersAreInvalid(validFirst: Bool) async throws {
        try await APIFixture.run { fixture in
            let valid = ("Authorization", "Bearer \(try await fixture.accessToken())")
            let other = ("Authorization", "Bearer nope")
            let headers = validFirst ? [valid, other] : [other, valid]

            let reply = try await fixture.client.send("GET", "/v5/me", headers: headers)

            expectUnauthorized(reply, challenge: invalidChallenge)
        }
    }

    @Test func expiredTokenIsInvalidToken() async throws {
        try await APIFixture.run { fixture in
            let token = try await fixture.accessToken()
            fixture.clock.advance(by: 7_199)
            #expect(try await fixture.client.get("/v5/me", token: token).status == 200)

            fixture.clock.advance(by: 1)

            expectUnauthorized(try await fixture.client.get("/v5/me", token: token), challenge: invalidChallenge)
        }
    }

    @Test func revokedTokenIsInvalidToken() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            let reply = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))
            let token = try #require(reply.json["access_token"]?.stringValue)

            _ = try fixture.store.revokeGrant(TokenHash.of(code), at: fixture.clock.now)

            expectUnauthorized(try await fixture.client.get("/v5/me", token: token), challenge: invalidChallenge)
        }
    }

    @Test(arguments: ["Bearer", "bearer", "BEARER", "bEaReR"])
    func schemeMatchesWithoutCase(scheme: String) async throws {
        try await APIFixture.run { fixture in
            let token = try await fixture.accessToken()

            let reply = try await fixture.client.send(
                "GET", "/v5/me", headers: [("Authorization", "\(scheme) \(token)")])

            #expect(reply.status == 200)
        }
    }
}
