import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

private let revokePath = "/oauth/revoke"

extension APIFixture {
    /// The body credentials of the course app.
    var courseCredentials: [(String, String)] {
        [("client_id", webApp.clientID), ("client_secret", Self.clientSecret)]
    }

    /// Revokes `token` as the course app with body credentials and `extra` parameters.
    func revoke(_ token: String, extra: [(String, String)] = [], path: String = "/oauth/revoke") async throws
        -> TestConnection.Reply
    {
        try await client.postForm(path, [("token", token)] + extra + courseCredentials)
    }
}

@Suite("Revocation endpoint", .serialized)
struct RevocationEndpointTests {
    @Test(arguments: ["/oauth/revoke", "/v5/oauth/revoke", "/api/v5/oauth/revoke"])
    func accessTokenIsRevokedAlone(path: String) async throws {
        try await APIFixture.run { fixture in
            let tokens = try await fixture.issueTokens()
            let access = try #require(tokens["access_token"]?.stringValue)
            let refresh = try #require(tokens["refresh_token"]?.stringValue)

            let reply = try await fixture.revoke(access, path: path)

            #expect(reply.status == 200)
            #expect(reply.body.isEmpty)
            #expect(reply.header("Cache-Control") == "no-store")
            #expect(reply.header("Pragma") == "no-cache")
            #expect(try await fixture.client.get("/v5/me", token: access).status == 401)
            #expect(try fixture.store.refreshToken(hash: TokenHash.of(refresh))?.revokedAt == nil)
        }
    }

    @Test(arguments: ["refresh_token", "access_token", "id_token", nil] as [String?])
    func refreshTokenRevokesItsGrant(hint: String?) async throws {
        try await APIFixture.run { fixture in
            let tokens = try await fixture.issueTokens()
            let access = try #require(tokens["access_token"]?.stringValue)
            let refresh = try #require(tokens["refresh_token"]?.stringValue)

            let reply = try await fixture.revoke(refresh, extra: hint.map { [("token_type_hint", $0)] } ?? [])

            #expect(reply.status == 200)
            #expect(try fixture.store.refreshToken(hash: TokenHash.of(refresh))?.revokedAt == fixture.clock.now)
            #expect(try fixture.store.accessToken(hash: TokenHash.of(access))?.revokedAt == fixture.clock.now)
            #expect(try await fixture.client.get("/v5/me", token: access).status == 401)
        }
    }

    @Test func wrongHintStillFindsAccessToken() async throws {
        try await APIFixture.run { fixture in
            let access = try await fixture.accessToken()

            let reply = try await fixture.revoke(access, extra: [("token_type_hint", "refresh_token")])

            #expect(reply.status == 200)
            #expect(try fixture.store.accessToken(hash: TokenHash.of(access))?.revokedAt == fixture.clock.now)
        }
    }

    @Test func unknownAndRevokedTokensAnswer200() async throws {
        try await APIFixture.run { fixture in
            let access = try await fixture.accessToken()
            let first = try await fixture.revoke(access)
            fixture.clock.advance(by: 10)

            let again = try await fixture.revoke(access)
            let unknown = try await fixture.revoke("no-such-token")

            #expect(first.status == 200)
            #expect(again.status == 200)
            #expect(again.body.isEmpty)
            #expect(unknown.status == 200)
            #expect(unknown.body.isEmpty)
            #expect(try fixture.store.accessToken(hash: TokenHash.of(access))?.revokedAt == APIFixture.start)
        }
    }

    @Test func tokenOfAnotherClientIsNotRevoked() async throws {
        try await APIFixture.run { fixture in
            let access = try await fixture.accessToken()

            let reply = try await fixture.client.postForm(
                revokePath,
                [
                    ("token", access), ("client_id", fixture.otherWebApp.clientID),
                    ("client_secret", APIFixture.otherClientSecret),
                ])

            #expect(reply.status == 200)
            #expect(reply.body.isEmpty)
            #expect(try fixture.store.accessToken(hash: TokenHash.of(access))?.revokedAt == nil)
            #expect(try await fixture.client.get("/v5/me", token: access).status == 200)
            #expect(fixture.log.records("token.revocation_ignored").first?.level == .notice)
        }
    }

    @Test func basicAuthenticationWithJSONBody() async throws {
        try await APIFixture.run { fixture in
            let access = try await fixture.accessToken()
            let header = basicHeader(id: fixture.webApp.clientID, secret: APIFixture.clientSecret)

            let reply = try await fixture.client.postJSON(revokePath, #"{"token":"\#(access)"}"#, headers: [header])

            #expect(reply.status == 200)
            #expect(try fixture.store.accessToken(hash: TokenHash.of(access))?.revokedAt != nil)
        }
    }

    @Test func missingTokenIsNamed() async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.postForm(revokePath, fixture.courseCredentials)

            #expect(reply.status == 400)
            #expect(reply.oauthError == "invalid_request")
            #expect(reply.errorDescription == "Missing required parameter: token.")
            #expect(reply.header("Cache-Control") == "no-store")
        }
    }

    @Test func revocationIsLogged() async throws {
        try await APIFixture.run { fixture in
            let refresh = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)

            _ = try await fixture.revoke(refresh)

            let record = try #require(fixture.log.records("token.revoked").first)
            #expect(record.metadata["oauth.token_type"] == "refresh_token")
            #expect(record.metadata["oauth.revoked_count"] == "2")
            #expect(record.metadata["oauth.client_id"] == "app_course")
            #expect(!fixture.log.records.contains { $0.metadata.values.contains(refresh) })
        }
    }
}
