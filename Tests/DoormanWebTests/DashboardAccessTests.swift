import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("Dashboard access to other sellers' records", .serialized)
struct DashboardAccessTests {
    /// Pages of the rival seller's records, and malformed or missing ids, which all look the same.
    static let foreignPages = [
        "/dashboard/companies/biz_rival", "/dashboard/products/prod_rival", "/dashboard/products/prod_rival/members",
        "/dashboard/webapps/exp_rival", "/dashboard/companies/biz_missing", "/dashboard/products/prod_charts%3C",
        "/dashboard/webapps/app_chart", "/dashboard/companies/prod_charts",
    ]

    /// Forms aimed at the rival seller's records, with the fields a valid submission would carry.
    static let foreignForms: [(target: String, fields: [(String, String)])] = [
        ("/dashboard/companies/biz_rival/products", [("title", "Planted"), ("visibility", "visible")]),
        (
            "/dashboard/products/prod_rival/plans",
            [("price", "1"), ("currency", "usd"), ("renewal", "30"), ("trial_days", "0")]
        ),
        ("/dashboard/products/prod_rival/webapps", [("name", "Planted"), ("callback_url", "https://evil.example/cb")]),
        ("/dashboard/webapps/exp_rival/rotate-secret", []),
        ("/dashboard/memberships/mem_rival/cancel", []),
    ]

    @Test("another seller's page is not found", arguments: foreignPages)
    func foreignPage(path: String) async throws {
        let fixture = try PageFixture()
        try fixture.addRivalSeller()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.get(path)
        }

        #expect(reply.status == 404)
        #expect(reply.text.contains("<h1>Page not found</h1>"))
        #expect(!reply.text.contains("Rival"))
    }

    @Test("another seller's form is not found", arguments: foreignForms)
    func foreignForm(target: String, fields: [(String, String)]) async throws {
        let fixture = try PageFixture()
        try fixture.addRivalSeller()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.submit(target, from: "/dashboard", fields)
        }

        #expect(reply.status == 404)
        #expect(reply.header("Location") == nil)
        #expect(try fixture.store.products(companyID: "biz_rival").count == 1)
        #expect(try fixture.store.plans(productID: "prod_rival").count == 1)
        #expect(try fixture.store.webApps(companyID: "biz_rival").count == 1)
        #expect(try fixture.store.webApp(id: "exp_rival")?.clientSecretHash == TokenHash.of("secret of prod_rival"))
        #expect(try fixture.store.membership(id: "mem_rival")?.status == .active)
    }

    @Test("owner reaches the same pages")
    func ownerPages() async throws {
        let fixture = try PageFixture()
        try fixture.addRivalSeller()
        let replies = try await fixture.withClient { client in
            try await client.signIn(username: "rival")
            var replies: [TestConnection.Reply] = []
            for path in Self.foreignPages.prefix(4) {
                replies.append(try await client.get(path))
            }
            return replies
        }

        for reply in replies {
            #expect(reply.status == 200)
            #expect(reply.text.contains("Rival"))
        }
    }

    @Test("dashboard pages send visitors to sign in", arguments: foreignPages.prefix(4))
    func visitorRedirected(path: String) async throws {
        let fixture = try PageFixture()
        try fixture.addRivalSeller()
        let reply = try await fixture.withClient { client in try await client.get(path) }

        #expect(reply.status == 302)
        #expect(reply.header("Location")?.hasPrefix("/login?return_to=%2Fdashboard%2F") == true)
    }
}
