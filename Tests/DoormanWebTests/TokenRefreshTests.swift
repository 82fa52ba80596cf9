import DoormanOAuth
import DoormanTestSupport
import Testing

extension APIFixture {
    /// Sends a `refresh_token` grant for `refreshToken` with the course app's credentials, or another client's.
    func refresh(
        _ refreshToken: String, scope: String? = nil, clientID: String = "app_course",
        secret: String = APIFixture.clientSecret
    ) async throws -> TestConnection.Reply {
        var parameters = [
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", clientID),
            ("client_secret", secret),
        ]
        if let scope {
            parameters.append(("scope", scope))
        }
        return try await client.postForm("/v5/oauth/token", parameters)
    }
}

@Suite("Token endpoint refresh_token grant")
struct TokenRefreshTests {
    @Test func refreshIssuesNewTokens() async throws {
        try await APIFixture.run { fixture in
            let first = try await fixture.issueTokens()
            let refreshToken = try #require(first["refresh_token"]?.stringValue)
            fixture.clock.advance(by: 60)

            let reply = try await fixture.refresh(refreshToken)

            #expect(reply.status == 200)
            #expect(reply.header("Cache-Control") == "no-store")
            #expect(reply.header("Pragma") == "no-cache")
            #expect(
                reply.json.objectValue?.keys == [
                    "access_token", "token_type", "expires_in", "refresh_token", "scope", "created_at",
                ])
            #expect(reply.json["created_at"]?.intValue == Int(APIFixture.start + 60))
            #expect(reply.json["expires_in"]?.intValue == 7200)
            let access = try #require(reply.json["access_token"]?.stringValue)
            #expect(access != first["access_token"]?.stringValue)
            #expect(reply.json["refresh_token"]?.stringValue != refreshToken)
            #expect(try await fixture.client.get("/v5/me", token: access).status == 200)
            #expect(fixture.log.records("refresh_token.rotated").count == 1)
        }
    }

    @Test func rotatedTokenReuseRevokesGrant() async throws {
        try await APIFixture.run { fixture in
            let first = try await fixture.issueTokens()
            let oldRefresh = try #require(first["refresh_token"]?.stringValue)
            let rotated = try await fixture.refresh(oldRefresh)
            let newAccess = try #require(rotated.json["access_token"]?.stringValue)
            let newRefresh = try #require(rotated.json["refresh_token"]?.stringValue)
            fixture.clock.advance(by: fixture.context.settings.refreshGraceSeconds)

            let reuse = try await fixture.refresh(oldRefresh)

            #expect(reuse.status == 400)
            #expect(reuse.oauthError == "invalid_grant")
            #expect(reuse.errorDescription == Description.invalidGrant)
            #expect(try await fixture.client.get("/v5/me", token: newAccess).status == 401)
            #expect(try await fixture.refresh(newRefresh).oauthError == "invalid_grant")
            #expect(fixture.log.records("refresh_token.reused").count >= 1)
            let revoked = try #require(fixture.log.records("grant.revoked").first)
            #expect(revoked.metadata["oauth.revoked_count"] == "3")
            #expect(revoked.metadata["reason"] == "refresh_token.reused")
        }
    }

    @Test func refreshCannotWidenScope() async throws {
        try await APIFixture.run { fixture in
            let refreshToken = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)

            let reply = try await fixture.refresh(refreshToken, scope: "api openid")

            #expect(reply.status == 400)
            #expect(reply.oauthError == "invalid_scope")
            #expect(reply.errorDescription == Description.invalidScope)
            #expect(try await fixture.refresh(refreshToken).status == 200)
        }
    }

    @Test func narrowedRefreshKeepsGrantScope() async throws {
        try await APIFixture.run { fixture in
            let tokens = try await fixture.issueTokens(scope: try Scope.parse("openid user"))
            let refreshToken = try #require(tokens["refresh_token"]?.stringValue)

            let narrowed = try await fixture.refresh(refreshToken, scope: "user")
            #expect(narrowed.json["scope"]?.stringValue == "user")

            let successor = try #require(narrowed.json["refresh_token"]?.stringValue)
            let widened = try await fixture.refresh(successor, scope: "openid user")
            #expect(widened.status == 200)
            #expect(widened.json["scope"]?.stringValue == "openid user")
        }
    }

    @Test func refreshWorksOnlyForItsClient() async throws {
        try await APIFixture.run { fixture in
            let refreshToken = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)

            let foreign = try await fixture.refresh(
                refreshToken, clientID: "app_other", secret: APIFixture.otherClientSecret)

            #expect(foreign.status == 400)
            #expect(foreign.oauthError == "invalid_grant")
            #expect(try await fixture.refresh(refreshToken).status == 200)
        }
    }

    @Test func expiredRefreshTokenIsRejected() async throws {
        try await APIFixture.run { fixture in
            let refreshToken = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)
            fixture.clock.advance(by: 30 * 86_400)

            let reply = try await fixture.refresh(refreshToken)

            #expect(reply.oauthError == "invalid_grant")
            #expect(fixture.log.records("grant.revoked").isEmpty)
        }
    }

    @Test func missingRefreshTokenIsNamed() async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.postForm(
                "/v5/oauth/token",
                [
                    ("grant_type", "refresh_token"), ("client_id", "app_course"),
                    ("client_secret", APIFixture.clientSecret),
                ])

            #expect(reply.status == 400)
            #expect(reply.oauthError == "invalid_request")
            #expect(reply.errorDescription == "Missing required parameter: refresh_token.")
        }
    }

    @Test func unknownRefreshTokenIsInvalidGrant() async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.refresh("no-such-refresh-token")

            #expect(reply.status == 400)
            #expect(reply.oauthError == "invalid_grant")
        }
    }
}
