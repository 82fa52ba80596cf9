import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Hub security", .serialized)
struct HubSecurityTests {
    static let expiredTitle = "This form has expired"
    static let hostileTitle = "<script>alert(1)</script>"
    static let escapedTitle = "&lt;script&gt;alert(1)&lt;/script&gt;"

    /// Every POST of the hub with the fields of a valid submission, and the user who sends it.
    static let posts: [(target: String, username: String?, fields: [(String, String)])] = [
        ("/signup", nil, [("username", "forged"), ("password", "long enough")]),
        ("/products/prod_charts/purchase", "sam", [("plan_id", "plan_monthly")]),
        ("/hub/webapps/exp_chart/open", "Maria", []),
    ]

    /// How a forged form gets its token wrong.
    enum TokenFault: String, CaseIterable {
        case missing
        case wrong
        case repeated
    }

    @Test("POST without the CSRF token is rejected", arguments: posts, TokenFault.allCases)
    func csrfRejected(post: (target: String, username: String?, fields: [(String, String)]), fault: TokenFault)
        async throws
    {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            if let username = post.username {
                try await client.signIn(username: username)
            }
            let page = post.username == nil ? "/signup" : "/"
            let token = try #require(try await client.get(page).hiddenField("csrf_token"))
            let tokens: [(String, String)] =
                switch fault {
                case .missing: []
                case .wrong: [("csrf_token", String(token.reversed()))]
                case .repeated: [("csrf_token", token), ("csrf_token", token)]
                }
            return try await client.post(post.target, form: tokens + post.fields)
        }

        #expect(reply.status == 403)
        #expect(reply.text.contains(Self.expiredTitle))
        #expect(reply.header("Location") == nil)
        #expect(try fixture.store.user(username: "forged") == nil)
        #expect(try fixture.store.memberships(userID: fixture.stranger.id).isEmpty)
        #expect(fixture.logs.records("authorization_code.issued").isEmpty)
    }

    @Test("hostile product title is escaped on hub pages")
    func titleEscapedOnHub() async throws {
        let fixture = try PageFixture()
        try fixture.store.createCompany(
            Company(id: "biz_hostile", ownerUserID: "user_seller", name: "<b>Company</b>"))
        try fixture.addProduct(id: "prod_hostile", title: Self.hostileTitle, companyID: "biz_hostile")
        try fixture.store.createWebApp(
            WebApp(
                id: "exp_hostile", companyID: "biz_hostile", name: "<img src=x>", clientID: "app_hostile",
                clientSecretHash: TokenHash.of("s"), redirectURIs: ["https://h.example/cb"],
                productIDs: ["prod_hostile"], createdAt: PageFixture.start))
        try fixture.store.createMembership(
            Membership(
                id: "mem_hostile", userID: fixture.member.id, productID: "prod_hostile", planID: "plan_hostile",
                companyID: "biz_hostile", status: .active, createdAt: PageFixture.start))

        let pages = try await fixture.withClient { client in
            let visitorHome = try await client.get("/")
            try await client.signIn(username: "Maria")
            return [
                ("visitor home", visitorHome), ("hub home", try await client.get("/")),
                ("product page", try await client.get("/products/prod_hostile")),
                ("membership page", try await client.get("/hub/memberships/mem_hostile")),
            ]
        }

        for (label, page) in pages {
            #expect(page.status == 200, "\(label)")
            #expect(page.text.contains(Self.escapedTitle), "\(label)")
            #expect(!page.text.contains("<script"), "\(label)")
            #expect(!page.text.contains("<b>Company"), "\(label)")
            #expect(!page.text.contains("<img"), "\(label)")
        }
    }

    @Test("hostile web app name is escaped on the purchase page")
    func webAppNameEscaped() async throws {
        let fixture = try PageFixture(webAppName: "<script>x</script>")
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            return try await client.submit("/hub/webapps/exp_chart/open")
        }

        #expect(reply.status == 403)
        #expect(reply.text.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(!reply.text.contains("<script"))
    }

    /// Collects one reply of every kind of page and redirect that the hub routes send.
    static func collectReplies() async throws -> [(label: String, reply: TestConnection.Reply)] {
        let fixture = try PageFixture()
        try fixture.store.createWebApp(
            WebApp(
                id: "exp_spa", companyID: "biz_charts", name: "Single page app", clientID: "app_spa",
                clientSecretHash: nil, redirectURIs: ["https://spa.example/callback"], productIDs: ["prod_charts"],
                createdAt: PageFixture.start))
        return try await fixture.withClient { client in
            var replies: [(String, TestConnection.Reply)] = []
            replies.append(("hub, visitor", try await client.get("/")))
            replies.append(("sign-up form", try await client.get("/signup")))
            replies.append(("sign-up failure", try await client.signUp([("username", "x")])))
            replies.append(
                ("sign-up redirect", try await client.signUp([("username", "newbie"), ("password", "12345678")])))
            replies.append(("hub, signed in", try await client.get("/")))
            replies.append(("product page", try await client.get("/products/prod_charts")))
            replies.append(("product not found", try await client.get("/products/prod_missing")))
            replies.append(("purchase required", try await client.submit("/hub/webapps/exp_chart/open")))
            replies.append(
                (
                    "purchase redirect",
                    try await client.submit(
                        "/products/prod_charts/purchase", from: "/products/prod_charts", [("plan_id", "plan_monthly")])
                ))
            replies.append(("unknown plan", try await client.submit("/products/prod_charts/purchase", [])))
            replies.append(("launch redirect", try await client.submit("/hub/webapps/exp_chart/open")))
            replies.append(("start at web app", try await client.submit("/hub/webapps/exp_spa/open")))
            replies.append(("CSRF rejection", try await client.post("/hub/webapps/exp_chart/open", form: [])))
            replies.append(("membership page", try await client.get("/hub/memberships/mem_maria")))
            client.setCookie("doorman_session", nil)
            replies.append(("membership sign-in redirect", try await client.get("/hub/memberships/mem_maria")))
            return replies
        }
    }

    @Test("every hub page and redirect carries the headers")
    func securityHeaders() async throws {
        let replies = try await Self.collectReplies()
        let statuses = replies.map(\.reply.status)

        #expect(statuses == [200, 200, 422, 303, 200, 200, 404, 403, 303, 400, 303, 409, 403, 404, 302])
        for (label, reply) in replies {
            for field in PageSecurityHeaderTests.expected {
                #expect(reply.header(field.name) == field.value, "\(label): \(field.name)")
            }
        }
    }
}
