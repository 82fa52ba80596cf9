import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("Dashboard PKCE requirement")
struct DashboardPKCETests {
    @Test("seller turns PKCE on and off")
    func toggle() async throws {
        let fixture = try PageFixture()
        let (before, on, between, off) = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            let before = try await client.get("/dashboard/webapps/exp_chart")
            let path = "/dashboard/webapps/exp_chart"
            let on = try await client.submit(path + "/pkce", from: path, [("require_pkce", "true")])
            let between = try await client.get(path)
            let off = try await client.submit(path + "/pkce", from: path, [("require_pkce", "false")])
            return (before, on, between, off)
        }

        #expect(before.formActions.contains("/dashboard/webapps/exp_chart/pkce"))
        #expect(before.text.contains("Require PKCE"))
        #expect(on.status == 303)
        #expect(on.header("Location") == "/dashboard/webapps/exp_chart")
        #expect(between.text.contains("Stop requiring PKCE"))
        #expect(off.status == 303)
        #expect(try fixture.store.webApp(id: "exp_chart")?.requirePKCE == false)
        let events = fixture.logs.records("client.pkce_changed")
        #expect(events.map { $0.metadata["oauth.require_pkce"] } == ["true", "false"])
        #expect(events.first?.metadata["web_app.id"] == "exp_chart")
    }

    @Test("value other than true or false is refused", arguments: ["yes", "", "TRUE"])
    func invalidValue(value: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            let path = "/dashboard/webapps/exp_chart"
            return try await client.submit(path + "/pkce", from: path, [("require_pkce", value)])
        }

        #expect(reply.status == 400)
        #expect(try fixture.store.webApp(id: "exp_chart")?.requirePKCE == false)
    }

    @Test("public client keeps PKCE")
    func publicClient() async throws {
        let fixture = try PageFixture()
        try fixture.store.createWebApp(
            WebApp(
                id: "exp_spa", companyID: "biz_charts", name: "Single page app", clientID: "app_spa",
                clientSecretHash: nil, redirectURIs: ["https://spa.example/callback"], productIDs: ["prod_charts"],
                createdAt: PageFixture.start))
        let (page, reply) = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            let page = try await client.get("/dashboard/webapps/exp_spa")
            let reply = try await client.submit(
                "/dashboard/webapps/exp_spa/pkce", from: "/dashboard/webapps/exp_spa", [("require_pkce", "false")])
            return (page, reply)
        }

        #expect(!page.formActions.contains("/dashboard/webapps/exp_spa/pkce"))
        #expect(reply.status == 409)
        #expect(try fixture.store.webApp(id: "exp_spa")?.needsPKCE == true)
    }

    @Test("another seller cannot change PKCE")
    func otherSeller() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit(
                "/dashboard/webapps/exp_chart/pkce", from: "/dashboard", [("require_pkce", "true")])
        }

        #expect(reply.status == 404)
        #expect(try fixture.store.webApp(id: "exp_chart")?.requirePKCE == false)
    }
}
