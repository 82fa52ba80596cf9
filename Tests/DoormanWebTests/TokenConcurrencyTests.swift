import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("Token endpoint under concurrent redemption")
struct TokenConcurrencyTests {
    static let rounds = 50
    static let requestsPerRound = 20

    /// Sends one code in `requestsPerRound` requests over as many connections, all written before any reply is
    /// read, so that the server's worker threads redeem them at the same time.
    private static func redeemConcurrently(
        _ code: String, fixture: APIFixture
    ) async throws -> [TestConnection.Reply] {
        let form = FormURLEncoding.encode(fixture.codeParameters(code).map { (name: $0.0, value: $0.1) })
        let request = TestClient.requestBytes(
            "POST", "/v5/oauth/token", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array(form.utf8))
        let port = fixture.client.port

        return try await runBlocking {
            let connections = try (0..<requestsPerRound).map { _ in try TestConnection(port: port) }
            for connection in connections {
                try connection.send(request)
            }
            return try connections.map { try $0.readReply() }
        }
    }

    @Test func codeRedeemsExactlyOnce() async throws {
        try await APIFixture.run { fixture in
            for round in 1...Self.rounds {
                let code = try fixture.mintCode()
                let replies = try await Self.redeemConcurrently(code, fixture: fixture)

                let successes = replies.filter { $0.status == 200 }
                #expect(successes.count == 1, "round \(round): \(successes.count) successes")
                let failures = replies.filter { $0.status != 200 }
                #expect(failures.allSatisfy { $0.status == 400 && $0.oauthError == "invalid_grant" }, "round \(round)")
            }
        }
    }

    @Test func replayedCodeRevokesIssuedToken() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            let replies = try await Self.redeemConcurrently(code, fixture: fixture)
            let winner = try #require(replies.first { $0.status == 200 })
            let access = try #require(winner.json["access_token"]?.stringValue)
            let refresh = try #require(winner.json["refresh_token"]?.stringValue)

            let replay = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))
            #expect(replay.status == 400)
            #expect(replay.oauthError == "invalid_grant")
            #expect(replay.errorDescription == Description.invalidGrant)

            let me = try await fixture.client.get("/v5/me", token: access)
            #expect(me.status == 401)
            #expect(me.header("WWW-Authenticate") == #"Bearer realm="doorman", error="invalid_token""#)
            let refreshReply = try await fixture.client.postForm(
                "/v5/oauth/token",
                [
                    ("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", "app_course"),
                    ("client_secret", APIFixture.clientSecret),
                ])
            #expect(refreshReply.oauthError == "invalid_grant")
        }
    }

    @Test func sequentialReplayRevokesAndIsAudited() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            let first = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))
            let access = try #require(first.json["access_token"]?.stringValue)
            #expect(try await fixture.client.get("/v5/me", token: access).status == 200)

            let replay = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))

            #expect(replay.oauthError == "invalid_grant")
            #expect(try await fixture.client.get("/v5/me", token: access).status == 401)
            #expect(fixture.log.records("authorization_code.replayed").count == 1)
            let revoked = fixture.log.records("grant.revoked")
            #expect(revoked.count == 1)
            #expect(revoked.first?.metadata["oauth.revoked_count"] == "2")
        }
    }

    @Test func otherClientCannotRevokeByReplay() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            let first = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))
            let access = try #require(first.json["access_token"]?.stringValue)

            let foreign = try await fixture.client.postForm(
                "/v5/oauth/token",
                [("code", code), ("client_id", "app_other"), ("client_secret", APIFixture.otherClientSecret)])

            #expect(foreign.oauthError == "invalid_grant")
            #expect(try await fixture.client.get("/v5/me", token: access).status == 200)
        }
    }
}
