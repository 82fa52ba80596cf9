import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("Dashboard companies, products and plans", .serialized)
struct DashboardCatalogTests {
    @Test("dashboard sends visitors to sign in")
    func signedOutRedirect() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/dashboard") }

        #expect(reply.status == 302)
        #expect(reply.header("Location") == "/login?return_to=%2Fdashboard")
    }

    @Test("dashboard lists only the user's companies")
    func companiesListed() async throws {
        let fixture = try PageFixture()
        try fixture.addRivalSeller()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.get("/dashboard")
        }

        #expect(reply.status == 200)
        #expect(reply.text.contains("<a href=\"/dashboard/companies/biz_charts\">Charts &amp; Co</a>"))
        #expect(!reply.text.contains("Rival Inc"))
    }

    @Test("seller creates a company, product and plan")
    func createCatalog() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            let company = try await client.submit("/dashboard/companies", from: "/dashboard", [("name", "Sam's Shop")])
            let companyPath = try #require(company.header("Location"))
            #expect(company.status == 303)
            #expect(companyPath.hasPrefix("/dashboard/companies/biz_"))

            let product = try await client.submit(
                companyPath + "/products", from: companyPath, [("title", "Lessons"), ("visibility", "hidden")])
            let productPath = try #require(product.header("Location"))
            #expect(product.status == 303)
            #expect(productPath.hasPrefix("/dashboard/products/prod_"))

            let plan = try await client.submit(
                productPath + "/plans", from: productPath,
                [("price", "1250"), ("currency", "EUR"), ("renewal", "30"), ("trial_days", "7")])
            #expect(plan.status == 303)
            #expect(plan.header("Location") == productPath)

            let page = try await client.get(productPath)
            #expect(page.text.contains("<h1>Lessons</h1>"))
            #expect(page.text.contains("<span class=\"badge\">hidden</span>"))
            #expect(page.text.contains("12.50 EUR every 30 days, after a 7-day free trial"))
            let companyPage = try await client.get(companyPath)
            #expect(companyPage.text.contains("<h1>Sam&#39;s Shop</h1>"))
            #expect(companyPage.text.contains("Lessons</a>"))
        }

        let company = try #require(try fixture.store.companies(ownerUserID: fixture.stranger.id).first)
        let product = try #require(try fixture.store.products(companyID: company.id).first)
        let plan = try #require(try fixture.store.plans(productID: product.id).first)
        #expect(company.name == "Sam's Shop")
        #expect(product.title == "Lessons")
        #expect(product.visibility == .hidden)
        #expect(plan.priceCents == 1250)
        #expect(plan.currency == "eur")
        #expect(plan.renewalPeriod == .days(30))
        #expect(plan.freeTrialDays == 7)
        #expect(fixture.logs.records("company.created").first?.metadata["company.id"] == company.id)
        #expect(fixture.logs.records("product.created").first?.metadata["product.id"] == product.id)
        #expect(fixture.logs.records("plan.created").first?.metadata["plan.id"] == plan.id)
    }

    @Test("one-time plan without a trial is created")
    func oneTimePlan() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.submit(
                "/dashboard/products/prod_charts/plans", from: "/dashboard/products/prod_charts",
                [("price", "4900"), ("currency", "usd"), ("renewal", "one-time"), ("trial_days", "0")])
        }

        #expect(reply.status == 303)
        #expect(try fixture.store.plans(productID: "prod_charts").contains { $0.renewalPeriod == .oneTime })
    }

    @Test(
        "invalid company or product name shows its message",
        arguments: [
            ("/dashboard/companies", "/dashboard", "name", ""),
            ("/dashboard/companies", "/dashboard", "name", "line\nbreak"),
            ("/dashboard/companies/biz_charts/products", "/dashboard/companies/biz_charts", "title", "   "),
            (
                "/dashboard/companies/biz_charts/products", "/dashboard/companies/biz_charts", "title",
                String(repeating: "t", count: 101)
            ),
        ])
    func invalidName(target: String, page: String, field: String, value: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.submit(target, from: page, [(field, value), ("visibility", "visible")])
        }

        #expect(reply.status == 422)
        #expect(reply.header("Location") == nil)
        #expect(reply.text.contains("role=\"alert\">Use 1 to 100 characters"))
        #expect(try fixture.store.companies(ownerUserID: "user_seller").count == 1)
        #expect(try fixture.store.products(companyID: "biz_charts").count == 1)
    }

    @Test("unknown visibility is rejected")
    func invalidVisibility() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.submit(
                "/dashboard/companies/biz_charts/products", from: "/dashboard/companies/biz_charts",
                [("title", "Fine"), ("visibility", "secret")])
        }

        #expect(reply.status == 422)
        #expect(reply.text.contains("Choose whether the hub lists the product."))
        #expect(try fixture.store.products(companyID: "biz_charts").count == 1)
    }

    @Test(
        "invalid plan field shows its message",
        arguments: [
            ("price", "-1", "Enter a whole number from 0 to 1000000000"),
            ("price", "9.00", "Enter a whole number from 0 to 1000000000"),
            ("price", "1000000001", "Enter a whole number from 0 to 1000000000"),
            ("currency", "dollars", "Enter a three-letter currency code"),
            ("currency", "u$d", "Enter a three-letter currency code"),
            ("renewal", "0", "Enter one-time, or a number of days from 1 to 3650"),
            ("renewal", "monthly", "Enter one-time, or a number of days from 1 to 3650"),
            ("trial_days", "366", "Enter a number of days from 0 to 365."),
            ("trial_days", "x", "Enter a number of days from 0 to 365."),
        ])
    func invalidPlan(field: String, value: String, message: String) async throws {
        let fixture = try PageFixture()
        var fields = ["price": "900", "currency": "usd", "renewal": "30", "trial_days": "0"]
        fields[field] = value
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.submit(
                "/dashboard/products/prod_charts/plans", from: "/dashboard/products/prod_charts",
                fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }

        #expect(reply.status == 422)
        #expect(reply.text.contains("role=\"alert\">\(message)"))
        #expect(try fixture.store.plans(productID: "prod_charts").count == 1)
    }

    @Test("one-time plan with a trial is rejected")
    func oneTimeTrial() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.submit(
                "/dashboard/products/prod_charts/plans", from: "/dashboard/products/prod_charts",
                [("price", "900"), ("currency", "usd"), ("renewal", "one-time"), ("trial_days", "7")])
        }

        #expect(reply.status == 422)
        #expect(reply.text.contains("A one-time plan has no free trial."))
        #expect(try fixture.store.plans(productID: "prod_charts").count == 1)
    }
}
