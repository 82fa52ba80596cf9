import DoormanHTTP
import DoormanOAuth
import Testing

@testable import DoormanApp

@Suite struct AdminCatalogTests {
    let harness: AdminHarness

    init() throws {
        harness = try AdminHarness()
    }

    @Test(arguments: [false, true])
    func createCompany(byUsername: Bool) throws {
        let owner = try harness.addUser("seller")
        let json = try harness.runJSON(
            ["company", "create", "--owner", byUsername ? "SELLER" : owner.id, "--name", "Acme Tools"])
        let id = try #require(json["id"]?.stringValue)

        #expect(Identifier.isValid(id, kind: .company))
        #expect(json["owner_user_id"]?.stringValue == owner.id)
        #expect(json["name"] == "Acme Tools")
        #expect(json.objectValue?.keys == ["id", "owner_user_id", "name"])
        #expect(try harness.store.company(id: id) == Company(id: id, ownerUserID: owner.id, name: "Acme Tools"))
    }

    @Test func companyOfUnknownOwner() throws {
        let before = try harness.rowCounts()

        let failure = harness.failure(["company", "create", "--owner", "ghost", "--name", "Acme"])

        #expect(failure?.exitCode == 1)
        #expect(failure?.message == #"unknown user "ghost": create it with doorman user create"#)
        #expect(try harness.rowCounts() == before)
    }

    @Test func companyWithBlankName() throws {
        try harness.addUser("seller")
        let before = try harness.rowCounts()

        let failure = harness.failure(["company", "create", "--owner", "seller", "--name", "  "])

        #expect(failure?.exitCode == 2)
        #expect(
            failure?.message
                == #"invalid value "  " for --name: expected 1 to 100 characters without control characters"#)
        #expect(try harness.rowCounts() == before)
    }

    @Test(arguments: [false, true])
    func createProduct(hidden: Bool) throws {
        let company = try #require(try harness.store.company(id: harness.addProduct().companyID))
        let json = try harness.runJSON(
            ["product", "create", "--company", company.id, "--title", "Course"] + (hidden ? ["--hidden"] : []))
        let id = try #require(json["id"]?.stringValue)
        let visibility: Product.Visibility = hidden ? .hidden : .visible

        #expect(Identifier.isValid(id, kind: .product))
        #expect(json["company_id"]?.stringValue == company.id)
        #expect(json["title"] == "Course")
        #expect(json["visibility"]?.stringValue == visibility.rawValue)
        #expect(json.objectValue?.keys == ["id", "company_id", "title", "visibility"])
        #expect(
            try harness.store.product(id: id)
                == Product(id: id, companyID: company.id, title: "Course", visibility: visibility))
    }

    @Test func productOfUnknownCompany() throws {
        let before = try harness.rowCounts()

        let failure = harness.failure(["product", "create", "--company", "biz_missing", "--title", "Course"])

        #expect(failure?.exitCode == 1)
        #expect(failure?.message == #"unknown company "biz_missing": create it with doorman company create"#)
        #expect(try harness.rowCounts() == before)
    }

    @Test func createRenewingPlanWithTrial() throws {
        let product = try harness.addProduct()
        let json = try harness.runJSON(
            [
                "plan", "create", "--product", product.id, "--price", "1999", "--currency", "EUR", "--renewal", "30",
                "--trial-days", "7",
            ])
        let id = try #require(json["id"]?.stringValue)

        #expect(Identifier.isValid(id, kind: .plan))
        #expect(json["product_id"]?.stringValue == product.id)
        #expect(json["price"] == 1999)
        #expect(json["currency"] == "eur")
        #expect(json["plan_type"] == "renewal")
        #expect(json["renewal_period_days"] == 30)
        #expect(json["trial_period_days"] == 7)
        let expected = Plan(
            id: id, productID: product.id, priceCents: 1999, currency: "eur", renewalPeriod: .days(30),
            freeTrialDays: 7)
        #expect(try harness.store.plan(id: id) == expected)
    }

    @Test func createOneTimePlan() throws {
        let product = try harness.addProduct()
        let json = try harness.runJSON(
            ["plan", "create", "--product", product.id, "--price", "0", "--currency", "usd", "--renewal", "one-time"])
        let id = try #require(json["id"]?.stringValue)

        #expect(json["price"] == 0)
        #expect(json["plan_type"] == "one_time")
        #expect(json["renewal_period_days"] == .null)
        #expect(json["trial_period_days"] == 0)
        let expected = Plan(id: id, productID: product.id, priceCents: 0, currency: "usd", renewalPeriod: .oneTime)
        #expect(try harness.store.plan(id: id) == expected)
    }

    @Test func planHumanOutput() throws {
        let product = try harness.addProduct()
        let text = try harness.run(
            [
                "plan", "create", "--product", product.id, "--price", "500", "--currency", "usd", "--renewal", "365",
                "--trial-days", "14",
            ])
        let plan = try #require(try harness.store.plans(productID: product.id).first)

        #expect(
            text
                == "Created plan \(plan.id) for product \(product.id): 500 usd, "
                + "every 365 days after a 14-day free trial.")
    }

    /// Options that replace those of a valid plan command line, the exit status and the message.
    static let badPlans: [([String], Int32, String)] = [
        (["--price", "-5"], 2, #"invalid value "-5" for --price: expected an integer from 0 to 1000000000"#),
        (["--price", "9.99"], 2, #"invalid value "9.99" for --price: expected an integer from 0 to 1000000000"#),
        (
            ["--currency", "dollars"], 2,
            #"invalid value "dollars" for --currency: expected a three-letter ISO 4217 code such as usd or eur"#
        ),
        (
            ["--currency", "u$d"], 2,
            #"invalid value "u$d" for --currency: expected a three-letter ISO 4217 code such as usd or eur"#
        ),
        (
            ["--currency", "üs"], 2,
            #"invalid value "üs" for --currency: expected a three-letter ISO 4217 code such as usd or eur"#
        ),
        (
            ["--renewal", "monthly"], 2,
            #"invalid value "monthly" for --renewal: expected one-time, or a number of days from 1 to 3650, such as 30"#
        ),
        (
            ["--renewal", "0"], 2,
            #"invalid value "0" for --renewal: expected one-time, or a number of days from 1 to 3650, such as 30"#
        ),
        (
            ["--renewal", "one-time", "--trial-days", "3"], 2,
            #"invalid value "3" for --trial-days: only renewing plans have a free trial, so give --renewal DAYS "#
                + "or leave out --trial-days"
        ),
        (["--trial-days", "400"], 2, #"invalid value "400" for --trial-days: expected an integer from 0 to 365"#),
        (["--product", "prod_missing"], 1, #"unknown product "prod_missing": create it with doorman product create"#),
        (["--product", "plan_x"], 2, #"invalid value "plan_x" for --product: expected a product id (prod_…)"#),
    ]

    @Test(arguments: badPlans)
    func badPlanInput(changes: [String], exitCode: Int32, message: String) throws {
        let product = try harness.addProduct()
        var arguments = ["--product": product.id, "--price": "100", "--currency": "usd", "--renewal": "30"]
        for index in stride(from: 0, to: changes.count, by: 2) {
            arguments[changes[index]] = changes[index + 1]
        }
        let before = try harness.rowCounts()

        let failure = harness.failure(["plan", "create"] + arguments.flatMap { [$0.key, $0.value] })

        #expect(failure?.exitCode == exitCode)
        #expect(failure?.message == message)
        #expect(try harness.rowCounts() == before)
        #expect(try harness.store.plans(productID: product.id).isEmpty)
    }
}
