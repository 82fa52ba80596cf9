import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

/// Refresh token families with a grace window (RFC 9700 section 4.14.2): parallel or retried requests that
/// present a just-rotated token receive the same successor, and a replay after the window revokes that family
/// and no other grant of the user.
@Suite("Token endpoint refresh grace window")
struct TokenRefreshGraceTests {
    /// Sends one refresh token in 20 requests over as many connections, all written before any reply is read, so
    /// that the server's worker threads present it at the same time.
    private static func refreshConcurrently(_ refreshToken: String, fixture: APIFixture) async throws
        -> [TestConnection.Reply]
    {
        let parameters = [
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", "app_course"),
            ("client_secret", APIFixture.clientSecret),
        ]
        let form = FormURLEncoding.encode(parameters.map { (name: $0.0, value: $0.1) })
        let request = TestClient.requestBytes(
            "POST", "/v5/oauth/token", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array(form.utf8))
        let port = fixture.client.port

        return try await runBlocking {
            let connections = try (0..<20).map { _ in try TestConnection(port: port) }
            for connection in connections {
                try connection.send(request)
            }
            return try connections.map { try $0.readReply() }
        }
    }

    @Test func twentyParallelRefreshesGetOneSuccessor() async throws {
        try await APIFixture.run { fixture in
            var refreshToken = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)
            for round in 1...10 {
                let replies = try await Self.refreshConcurrently(refreshToken, fixture: fixture)

                #expect(replies.allSatisfy { $0.status == 200 }, "round \(round)")
                let accessTokens = Set(replies.compactMap { $0.json["access_token"]?.stringValue })
                let refreshTokens = Set(replies.compactMap { $0.json["refresh_token"]?.stringValue })
                #expect(accessTokens.count == 1, "round \(round)")
                #expect(refreshTokens.count == 1, "round \(round)")
                #expect(!refreshTokens.contains(refreshToken), "round \(round)")
                #expect(fixture.log.records("refresh_token.rotated").count == round)
                #expect(fixture.log.records("refresh_token.retried").count == 19 * round)

                let access = try #require(accessTokens.first)
                #expect(try await fixture.client.get("/v5/me", token: access).status == 200, "round \(round)")
                refreshToken = try #require(refreshTokens.first)
            }
            #expect(fixture.log.records("grant.revoked").isEmpty)
        }
    }

    @Test func retryWithinWindowGetsSameSuccessor() async throws {
        try await APIFixture.run { fixture in
            let refreshToken = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)
            let first = try await fixture.refresh(refreshToken)
            fixture.clock.advance(by: 4)

            let retry = try await fixture.refresh(refreshToken)

            #expect(retry.status == 200)
            #expect(retry.json["access_token"] == first.json["access_token"])
            #expect(retry.json["refresh_token"] == first.json["refresh_token"])
            #expect(retry.json["created_at"] == first.json["created_at"])
            #expect(retry.json["expires_in"]?.intValue == 7_196)
            #expect(retry.header("Cache-Control") == "no-store")
            let record = try #require(fixture.log.records("refresh_token.retried").first)
            #expect(record.metadata["oauth.client_id"] == "app_course")
            #expect(record.metadata.values.allSatisfy { !$0.contains(refreshToken) })
        }
    }

    @Test func replayAfterWindowRevokesOnlyThatFamily() async throws {
        try await APIFixture.run { fixture in
            let family = try await fixture.issueTokens()
            let other = try await fixture.issueTokens()
            let oldRefresh = try #require(family["refresh_token"]?.stringValue)
            let rotated = try await fixture.refresh(oldRefresh)
            let familyAccess = try #require(rotated.json["access_token"]?.stringValue)
            let familyRefresh = try #require(rotated.json["refresh_token"]?.stringValue)
            fixture.clock.advance(by: 5)

            let replay = try await fixture.refresh(oldRefresh)

            #expect(replay.status == 400)
            #expect(replay.oauthError == "invalid_grant")
            #expect(replay.errorDescription == Description.invalidGrant)
            #expect(try await fixture.client.get("/v5/me", token: familyAccess).status == 401)
            #expect(try await fixture.refresh(familyRefresh).oauthError == "invalid_grant")

            let otherAccess = try #require(other["access_token"]?.stringValue)
            let otherRefresh = try #require(other["refresh_token"]?.stringValue)
            #expect(try await fixture.client.get("/v5/me", token: otherAccess).status == 200)
            #expect(try await fixture.refresh(otherRefresh).status == 200)

            let reused = try #require(fixture.log.records("refresh_token.reused").first)
            let revoked = try #require(fixture.log.records("grant.revoked").first)
            #expect(reused.metadata["oauth.grant_id"] == revoked.metadata["oauth.grant_id"])
            #expect(revoked.metadata["reason"] == "refresh_token.reused")
        }
    }

    @Test func revokedFamilyGetsNoSuccessorWithinWindow() async throws {
        try await APIFixture.run { fixture in
            let first = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)
            let second = try #require(try await fixture.refresh(first).json["refresh_token"]?.stringValue)
            fixture.clock.advance(by: 10)
            _ = try await fixture.refresh(second)
            #expect(try await fixture.refresh(first).oauthError == "invalid_grant")

            // `second` was rotated just now, but the replay of `first` revoked the family and its sealed successors.
            let retry = try await fixture.refresh(second)

            #expect(retry.status == 400)
            #expect(retry.oauthError == "invalid_grant")
            #expect(fixture.log.records("refresh_token.retried").isEmpty)
        }
    }

    @Test func zeroGraceMakesEveryRetryAReplay() async throws {
        var settings = OAuthSettings()
        settings.refreshGraceSeconds = 0
        try await APIFixture.run(settings: settings) { fixture in
            let refreshToken = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)
            let rotated = try await fixture.refresh(refreshToken)
            let access = try #require(rotated.json["access_token"]?.stringValue)

            let retry = try await fixture.refresh(refreshToken)

            #expect(retry.oauthError == "invalid_grant")
            #expect(try await fixture.client.get("/v5/me", token: access).status == 401)
        }
    }

    @Test func retryByAnotherClientIsRejectedWithoutRevoking() async throws {
        try await APIFixture.run { fixture in
            let refreshToken = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)
            let rotated = try await fixture.refresh(refreshToken)

            let foreign = try await fixture.refresh(
                refreshToken, clientID: "app_other", secret: APIFixture.otherClientSecret)

            #expect(foreign.status == 400)
            #expect(foreign.oauthError == "invalid_grant")
            #expect(foreign.json["access_token"] == nil)
            let access = try #require(rotated.json["access_token"]?.stringValue)
            #expect(try await fixture.client.get("/v5/me", token: access).status == 200)
        }
    }

    @Test func retryCannotWidenScope() async throws {
        try await APIFixture.run { fixture in
            let tokens = try await fixture.issueTokens(scope: try Scope.parse("user"))
            let refreshToken = try #require(tokens["refresh_token"]?.stringValue)
            _ = try await fixture.refresh(refreshToken)

            let retry = try await fixture.refresh(refreshToken, scope: "user openid")

            #expect(retry.status == 400)
            #expect(retry.oauthError == "invalid_scope")
        }
    }

    @Test func usedFamilyOutlivesInactivityWindow() async throws {
        var settings = OAuthSettings()
        settings.lifetimes = try #require(Lifetimes(authorizationCode: 600, accessToken: 3_600, refreshToken: 1_000))
        try await APIFixture.run(settings: settings) { fixture in
            var refreshToken = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)
            for _ in 0..<3 {
                fixture.clock.advance(by: 900)
                let reply = try await fixture.refresh(refreshToken)
                #expect(reply.status == 200)
                refreshToken = try #require(reply.json["refresh_token"]?.stringValue)
            }
            fixture.clock.advance(by: 1_000)

            let idle = try await fixture.refresh(refreshToken)

            #expect(idle.oauthError == "invalid_grant")
            #expect(fixture.log.records("grant.revoked").isEmpty)
        }
    }
}
