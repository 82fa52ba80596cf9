import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

private let introspectPath = "/oauth/introspect"

@Suite("Introspection endpoint", .serialized)
struct IntrospectionEndpointTests {
    @Test func activeAccessTokenIsDescribed() async throws {
        try await APIFixture.run { fixture in
            let access = try await fixture.accessToken()

            let reply = try await fixture.client.postForm(
                introspectPath, [("token", access)] + fixture.courseCredentials)

            let expiry = APIFixture.start + 7200
            #expect(reply.status == 200)
            #expect(
                reply.text
                    == #"{"active":true,"scope":"api","client_id":"app_course","username":"buyer","#
                    + #""sub":"user_buyer","token_type":"access_token","exp":\#(expiry),"iat":\#(APIFixture.start)}"#)
            #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
            #expect(reply.header("Cache-Control") == "no-store")
            #expect(reply.header("Pragma") == "no-cache")
        }
    }

    @Test(arguments: ["refresh_token", "access_token", nil] as [String?])
    func activeRefreshTokenIsDescribed(hint: String?) async throws {
        try await APIFixture.run { fixture in
            let refresh = try #require(try await fixture.issueTokens()["refresh_token"]?.stringValue)
            let hintParameter = hint.map { [("token_type_hint", $0)] } ?? []

            let reply = try await fixture.client.postForm(
                introspectPath, [("token", refresh)] + hintParameter + fixture.courseCredentials)

            #expect(reply.status == 200)
            #expect(reply.json["active"] == true)
            #expect(reply.json["token_type"]?.stringValue == "refresh_token")
            #expect(reply.json["sub"]?.stringValue == "user_buyer")
        }
    }

    @Test func revokedExpiredUnknownAndForeignTokensAreInactive() async throws {
        try await APIFixture.run { fixture in
            let revoked = try await fixture.accessToken()
            _ = try await fixture.revoke(revoked)
            let expired = try await fixture.accessToken()
            fixture.clock.advance(by: 7200)
            let foreign = try #require(try await fixture.issueTokens()["access_token"]?.stringValue)

            let tokens = [("revoked", revoked), ("expired", expired), ("unknown", "no-such-token")]
            for (label, token) in tokens {
                let reply = try await fixture.client.postForm(
                    introspectPath, [("token", token)] + fixture.courseCredentials)
                #expect(reply.status == 200, "\(label)")
                #expect(reply.text == #"{"active":false}"#, "\(label)")
            }

            let reply = try await fixture.client.postForm(
                introspectPath,
                [
                    ("token", foreign), ("client_id", fixture.otherWebApp.clientID),
                    ("client_secret", APIFixture.otherClientSecret),
                ])
            #expect(reply.text == #"{"active":false}"#)
        }
    }

    @Test func publicClientCannotIntrospect() async throws {
        try await APIFixture.run { fixture in
            var app = fixture.otherWebApp
            app.id = "exp_public"
            app.clientID = "app_public"
            app.clientSecretHash = nil
            try fixture.store.createWebApp(app)
            let access = try await fixture.accessToken()

            let reply = try await fixture.client.postForm(
                introspectPath, [("token", access), ("client_id", "app_public")])

            #expect(reply.status == 401)
            #expect(reply.oauthError == "invalid_client")
            #expect(reply.header("WWW-Authenticate") == #"Basic realm="doorman""#)
        }
    }

    @Test func unauthenticatedCallerLearnsNothing() async throws {
        try await APIFixture.run { fixture in
            let access = try await fixture.accessToken()

            let reply = try await fixture.client.postForm(introspectPath, [("token", access)])

            #expect(reply.status == 401)
            #expect(reply.oauthError == "invalid_client")
            #expect(reply.json["active"] == nil)
        }
    }
}
