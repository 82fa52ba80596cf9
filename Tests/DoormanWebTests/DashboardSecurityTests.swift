import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Dashboard security", .serialized)
struct DashboardSecurityTests {
    /// Every POST of the dashboard with the fields of a valid submission by the fixture seller.
    static let posts: [(target: String, fields: [(String, String)])] = [
        ("/dashboard/companies", [("name", "Forged company")]),
        ("/dashboard/companies/biz_charts/products", [("title", "Forged"), ("visibility", "visible")]),
        (
            "/dashboard/products/prod_charts/plans",
            [("price", "1"), ("currency", "usd"), ("renewal", "30"), ("trial_days", "0")]
        ),
        ("/dashboard/products/prod_charts/webapps", [("name", "Forged"), ("callback_url", "https://evil.example/cb")]),
        ("/dashboard/webapps/exp_chart/rotate-secret", []),
        ("/dashboard/memberships/mem_maria/cancel", []),
    ]

    @Test("POST without the CSRF token is rejected", arguments: posts, HubSecurityTests.TokenFault.allCases)
    func csrfRejected(post: (target: String, fields: [(String, String)]), fault: HubSecurityTests.TokenFault)
        async throws
    {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            let token = try #require(try await client.get("/dashboard").hiddenField("csrf_token"))
            let tokens: [(String, String)] =
                switch fault {
                case .missing: []
                case .wrong: [("csrf_token", String(token.reversed()))]
                case .repeated: [("csrf_token", token), ("csrf_token", token)]
                }
            return try await client.post(post.target, form: tokens + post.fields)
        }

        #expect(reply.status == 403)
        #expect(reply.text.contains(HubSecurityTests.expiredTitle))
        #expect(reply.header("Location") == nil)
        #expect(try fixture.store.companies(ownerUserID: "user_seller").count == 1)
        #expect(try fixture.store.products(companyID: "biz_charts").count == 1)
        #expect(try fixture.store.plans(productID: "prod_charts").count == 1)
        #expect(try fixture.store.webApps(companyID: "biz_charts").count == 1)
        #expect(try fixture.store.webApp(id: "exp_chart")?.clientSecretHash == TokenHash.of("client-secret"))
        #expect(try fixture.store.membership(id: "mem_maria")?.status == .active)
    }

    @Test("hostile names are escaped on dashboard pages")
    func namesEscaped() async throws {
        let fixture = try PageFixture(webAppName: "<img src=x>")
        try fixture.store.createProduct(
            Product(id: "prod_hostile", companyID: "biz_charts", title: HubSecurityTests.hostileTitle))
        let hostileUser = User(id: "user_hostile", username: "hostile", name: "<i>Eve</i>", passwordHash: "x")
        try fixture.store.createUser(hostileUser)
        try fixture.store.createMembership(
            Membership(
                id: "mem_hostile", userID: hostileUser.id, productID: "prod_charts", planID: "plan_monthly",
                companyID: "biz_charts", status: .active, createdAt: PageFixture.start))

        let pages = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return [
                ("company page", try await client.get("/dashboard/companies/biz_charts")),
                ("product page", try await client.get("/dashboard/products/prod_hostile")),
                ("charts page", try await client.get("/dashboard/products/prod_charts")),
                ("members page", try await client.get("/dashboard/products/prod_charts/members")),
                ("web app page", try await client.get("/dashboard/webapps/exp_chart")),
            ]
        }

        for (label, page) in pages {
            #expect(page.status == 200, "\(label)")
            #expect(!page.text.contains("<script"), "\(label)")
            #expect(!page.text.contains("<img"), "\(label)")
            #expect(!page.text.contains("<i>Eve"), "\(label)")
        }
        #expect(pages[0].1.text.contains(HubSecurityTests.escapedTitle))
        #expect(pages[1].1.text.contains("<h1>\(HubSecurityTests.escapedTitle)</h1>"))
        #expect(pages[3].1.text.contains("(&lt;i&gt;Eve&lt;/i&gt;)"))
        #expect(pages[4].1.text.contains("<h1>&lt;img src=x&gt;</h1>"))
    }

    /// Collects one reply of every kind of page and redirect that the dashboard routes send.
    static func collectReplies() async throws -> [(label: String, reply: TestConnection.Reply)] {
        let fixture = try PageFixture()
        return try await fixture.withClient { client in
            var replies: [(String, TestConnection.Reply)] = []
            replies.append(("sign-in redirect", try await client.get("/dashboard")))
            try await client.signIn(username: "seller")
            replies.append(("dashboard", try await client.get("/dashboard")))
            replies.append(("company form failure", try await client.submit("/dashboard/companies", [("name", "")])))
            replies.append(("company redirect", try await client.submit("/dashboard/companies", [("name", "New")])))
            replies.append(("company page", try await client.get("/dashboard/companies/biz_charts")))
            replies.append(("product page", try await client.get("/dashboard/products/prod_charts")))
            replies.append(("members page", try await client.get("/dashboard/products/prod_charts/members")))
            let webApp = try await client.submit(
                "/dashboard/products/prod_charts/webapps",
                [("name", "App"), ("callback_url", "https://app.example/cb")])
            replies.append(("web app redirect", webApp))
            replies.append(("secret page", try await client.get(webApp.header("Location") ?? "/")))
            replies.append(("web app page", try await client.get("/dashboard/webapps/exp_chart")))
            replies.append(("not found", try await client.get("/dashboard/webapps/exp_missing")))
            replies.append(("CSRF rejection", try await client.post("/dashboard/companies", form: [])))
            return replies
        }
    }

    @Test("every dashboard page and redirect carries the headers")
    func securityHeaders() async throws {
        let replies = try await Self.collectReplies()
        let statuses = replies.map(\.reply.status)

        #expect(statuses == [302, 200, 422, 303, 200, 200, 200, 303, 200, 200, 404, 403])
        for (label, reply) in replies {
            for field in PageSecurityHeaderTests.expected {
                #expect(reply.header(field.name) == field.value, "\(label): \(field.name)")
            }
        }
    }
}
