import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("Hub launch of web apps", .serialized)
struct HubLaunchTests {
    @Test("Open redirects to the callback with a code")
    func openRedirects() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit("/hub/webapps/exp_chart/open")
        }
        let location = try #require(reply.header("Location"))
        let query = try #require(reply.locationQuery)
        let code = try #require(query.value("code"))

        #expect(reply.status == 303)
        #expect(location.hasPrefix(PageFixture.callback + "&code="))
        #expect(query.value("source") == "hub")
        #expect(query.value("state") == nil)
        #expect(query.pairs.map(\.name) == ["source", "code"])
        #expect(code.utf8.count == OrderedToken.length)
        #expect(reply.header("Cache-Control") == "no-store")
        #expect(reply.header("Referrer-Policy") == "no-referrer")
    }

    @Test("launch code record has client, user and no redirect URI")
    func launchCodeRecord() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit("/hub/webapps/exp_chart/open")
        }
        let code = try #require(reply.locationQuery?.value("code"))
        let record = try #require(try fixture.store.authorizationCode(hash: TokenHash.of(code)))

        #expect(record.clientID == "app_chart")
        #expect(record.userID == fixture.member.id)
        #expect(record.redirectURI == nil)
        #expect(record.codeChallenge == nil)
        #expect(record.scope == .default)
        #expect(record.createdAt == PageFixture.start)
        #expect(record.expiresAt == PageFixture.start + 600)
        #expect(!record.isConsumed)
    }

    @Test("launch is logged without the code")
    func launchLogged() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit("/hub/webapps/exp_chart/open")
        }
        let code = try #require(reply.locationQuery?.value("code"))
        let record = try #require(fixture.logs.records("authorization_code.issued").first)

        #expect(record.metadata["launch"] == "true")
        #expect(record.metadata["oauth.client_id"] == "app_chart")
        #expect(record.metadata["user.id"] == fixture.member.id)
        #expect(!fixture.logs.all.contains { $0.metadata.values.contains { $0.contains(code) } })
    }

    @Test("launch code redeems at the token endpoint", arguments: [false, true])
    func launchCodeRedeems(sendsRedirectURI: Bool) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient(withAPI: true) { client in
            try await client.signIn(username: "Maria")
            let open = try await client.submit("/hub/webapps/exp_chart/open")
            let code = try #require(open.locationQuery?.value("code"))
            var form = [("code", code), ("client_id", "app_chart"), ("client_secret", "client-secret")]
            if sendsRedirectURI {
                form.append(("redirect_uri", PageFixture.callback))
            }
            return try await client.post("/v5/oauth/token", form: form)
        }

        #expect(reply.status == 200)
        #expect(reply.text.contains("\"token_type\":\"Bearer\""))
    }

    @Test("Open without a membership shows the purchase page")
    func openWithoutMembership() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            return try await client.submit("/hub/webapps/exp_chart/open")
        }

        #expect(reply.status == 403)
        #expect(reply.header("Location") == nil)
        #expect(reply.text.contains("You need to purchase this first"))
        #expect(reply.text.contains("To open <strong>Chart Club</strong>, you need a valid membership"))
        #expect(reply.text.contains("<a href=\"/products/prod_charts\">Charts</a>"))
        #expect(fixture.logs.records("authorization_code.issued").isEmpty)
        #expect(fixture.logs.records("launch.refused").first?.metadata["reason"] == "no_membership")
    }

    @Test("Open with an expired membership shows the purchase page")
    func openWithExpiredMembership() async throws {
        let fixture = try PageFixture()
        var membership = try #require(try fixture.store.membership(id: "mem_maria"))
        membership.expiresAt = PageFixture.start
        #expect(try fixture.store.updateMembership(membership))

        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit("/hub/webapps/exp_chart/open")
        }

        #expect(reply.status == 403)
        #expect(fixture.logs.records("authorization_code.issued").isEmpty)
    }

    @Test("client that needs PKCE cannot be launched", arguments: [true, false])
    func pkceClientRejected(isPublic: Bool) async throws {
        let fixture = try PageFixture()
        try fixture.store.createWebApp(
            WebApp(
                id: "exp_spa", companyID: "biz_charts", name: "Single page app", clientID: "app_spa",
                clientSecretHash: isPublic ? nil : TokenHash.of("spa secret"),
                redirectURIs: ["https://spa.example/callback"], productIDs: ["prod_charts"], requirePKCE: !isPublic,
                createdAt: PageFixture.start))

        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit("/hub/webapps/exp_spa/open")
        }

        #expect(reply.status == 409)
        #expect(reply.header("Location") == nil)
        #expect(reply.text.contains("cannot be opened from the hub"))
        #expect(reply.text.contains("<a href=\"https://spa.example\">https://spa.example</a>"))
        #expect(fixture.logs.records("authorization_code.issued").isEmpty)
    }

    @Test("Open of an unknown web app is not found", arguments: ["exp_missing", "app_chart", "exp_a%20b"])
    func unknownWebApp(id: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit("/hub/webapps/\(id)/open")
        }

        #expect(reply.status == 404)
        #expect(reply.header("Location") == nil)
    }

    @Test("Open after signing out is rejected")
    func openSignedOut() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let token = try #require(try await client.get("/login").hiddenField("csrf_token"))
            return try await client.post("/hub/webapps/exp_chart/open", form: [("csrf_token", token)])
        }

        #expect(reply.status == 403)
        #expect(reply.text.contains("You are signed out"))
        #expect(reply.header("Location") == nil)
    }
}
