import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("Hub product pages and purchase", .serialized)
struct HubPurchaseTests {
    static let day: Int64 = 86_400

    @Test("product page shows plans and the payment notice")
    func productPage() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            return try await client.get("/products/prod_charts")
        }

        #expect(reply.status == 200)
        #expect(reply.text.contains("<h1>Charts</h1>"))
        #expect(reply.text.contains("by Charts &amp; Co"))
        #expect(reply.text.contains("<strong>9.00 USD every 30 days</strong>"))
        #expect(reply.text.contains("Doorman takes no payment in this version."))
        #expect(reply.formActions.contains("/products/prod_charts/purchase"))
        #expect(reply.hiddenField("plan_id") == "plan_monthly")
    }

    @Test(
        "prices use the currency's minor unit",
        arguments: [
            (900, "usd", Plan.RenewalPeriod.days(30), 0, "9.00 USD every 30 days"),
            (123_456_789, "eur", .oneTime, 0, "1,234,567.89 EUR one-time payment"),
            (5, "usd", .days(1), 0, "0.05 USD every day"),
            (1500, "jpy", .days(365), 0, "1,500 JPY every 365 days"),
            (1234, "kwd", .days(30), 14, "1.234 KWD every 30 days, after a 14-day free trial"),
            (0, "usd", .oneTime, 0, "0.00 USD one-time payment"),
        ])
    func priceFormat(price: Int, currency: String, renewal: Plan.RenewalPeriod, trial: Int, text: String)
        async throws
    {
        let fixture = try PageFixture()
        try fixture.store.createProduct(Product(id: "prod_priced", companyID: "biz_charts", title: "Priced"))
        try fixture.store.createPlan(
            Plan(
                id: "plan_priced", productID: "prod_priced", priceCents: price, currency: currency,
                renewalPeriod: renewal, freeTrialDays: trial))
        let reply = try await fixture.withClient { client in try await client.get("/products/prod_priced") }

        #expect(reply.text.contains("<strong>\(text)</strong>"))
    }

    @Test("visitor sees sign-in links instead of purchase forms")
    func visitorProductPage() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/products/prod_charts") }

        #expect(reply.status == 200)
        #expect(reply.formActions.isEmpty)
        #expect(reply.text.contains("<a href=\"/login?return_to=%2Fproducts%2Fprod_charts\">Sign in</a>"))
        #expect(reply.text.contains("<a href=\"/signup?return_to=%2Fproducts%2Fprod_charts\">create an account</a>"))
    }

    @Test("purchase records an active membership")
    func purchaseActive() async throws {
        let fixture = try PageFixture()
        let (reply, hub) = try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            let reply = try await client.submit(
                "/products/prod_charts/purchase", from: "/products/prod_charts", [("plan_id", "plan_monthly")])
            return (reply, try await client.get("/"))
        }
        let memberships = try fixture.store.memberships(userID: fixture.stranger.id)
        let membership = try #require(memberships.first)

        #expect(reply.status == 303)
        #expect(reply.header("Location") == "/")
        #expect(memberships.count == 1)
        #expect(membership.status == .active)
        #expect(membership.productID == "prod_charts")
        #expect(membership.planID == "plan_monthly")
        #expect(membership.companyID == "biz_charts")
        #expect(membership.renewalPeriodStart == PageFixture.start)
        #expect(membership.renewalPeriodEnd == PageFixture.start + 30 * Self.day)
        #expect(HubHomeTests.heldSection(hub.text).contains("Charts"))
        #expect(hub.formActions.contains("/hub/webapps/exp_chart/open"))
        #expect(fixture.logs.records("membership.created").first?.metadata["membership.id"] == membership.id)
    }

    @Test("plan with a trial starts trialing")
    func purchaseTrial() async throws {
        let fixture = try PageFixture()
        try fixture.store.createPlan(
            Plan(
                id: "plan_trial", productID: "prod_charts", priceCents: 900, currency: "usd", renewalPeriod: .days(30),
                freeTrialDays: 7))
        try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            try await client.submit(
                "/products/prod_charts/purchase", from: "/products/prod_charts", [("plan_id", "plan_trial")])
        }
        let membership = try #require(try fixture.store.memberships(userID: fixture.stranger.id).first)

        #expect(membership.status == .trialing)
        #expect(membership.planID == "plan_trial")
        #expect(membership.renewalPeriodEnd == PageFixture.start + 7 * Self.day)
        #expect(membership.isValid(at: PageFixture.start))
    }

    @Test("then the product opens from the hub")
    func purchaseThenOpen() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            try await client.submit(
                "/products/prod_charts/purchase", from: "/products/prod_charts", [("plan_id", "plan_monthly")])
            return try await client.submit("/hub/webapps/exp_chart/open")
        }

        #expect(reply.status == 303)
        #expect(reply.locationQuery?.value("code") != nil)
    }

    @Test("holder gets no second membership")
    func purchaseTwice() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit(
                "/products/prod_charts/purchase", from: "/products/prod_charts", [("plan_id", "plan_monthly")])
        }

        #expect(reply.status == 303)
        #expect(try fixture.store.memberships(userID: fixture.member.id).count == 1)
    }

    @Test("holder sees no purchase form")
    func holderProductPage() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get("/products/prod_charts")
        }

        #expect(reply.text.contains("You hold this product."))
        #expect(!reply.formActions.contains("/products/prod_charts/purchase"))
    }

    @Test(
        "purchase of a plan not sold here is rejected",
        arguments: [
            [("plan_id", "plan_other")], [("plan_id", "plan_missing")], [], [("plan_id", "bad id")],
            [("plan_id", "plan_monthly"), ("plan_id", "plan_monthly")],
        ] as [[(String, String)]])
    func wrongPlan(fields: [(String, String)]) async throws {
        let fixture = try PageFixture()
        try fixture.addProduct(id: "prod_other", title: "Other product")
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            return try await client.submit("/products/prod_charts/purchase", from: "/products/prod_charts", fields)
        }

        #expect(reply.status == 400)
        #expect(reply.text.contains("This plan is not available"))
        #expect(try fixture.store.memberships(userID: fixture.stranger.id).isEmpty)
    }

    @Test("hidden product is reachable by link but not listed")
    func hiddenProduct() async throws {
        let fixture = try PageFixture()
        try fixture.addProduct(id: "prod_hidden", title: "Hidden product", visibility: .hidden)
        let (home, page) = try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            return (try await client.get("/"), try await client.get("/products/prod_hidden"))
        }

        #expect(!home.text.contains("Hidden product"))
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Hidden product</h1>"))
        #expect(page.formActions.contains("/products/prod_hidden/purchase"))
    }

    @Test("unknown product is not found", arguments: ["prod_missing", "biz_charts", "prod_a%20b"])
    func unknownProduct(id: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/products/" + id) }

        #expect(reply.status == 404)
        #expect(reply.text.contains("<h1>Page not found</h1>"))
    }
}
