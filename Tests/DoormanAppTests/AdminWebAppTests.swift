import DoormanHTTP
import DoormanOAuth
import Testing

@testable import DoormanApp

@Suite struct AdminWebAppTests {
    let harness: AdminHarness

    init() throws {
        harness = try AdminHarness()
    }

    @Test func createConfidentialClient() throws {
        let product = try harness.addProduct()
        let second = Product(id: Identifier.make(.product), companyID: product.companyID, title: "Extra")
        try harness.store.createProduct(second)

        let json = try harness.runJSON(
            [
                "webapp", "create", "--name", "Course Site", "--callback-url", "https://course.example.com/callback",
                "--callback-url", "http://127.0.0.1:3000/callback", "--product", product.id, "--product", second.id,
                "--require-pkce",
            ])
        let id = try #require(json["id"]?.stringValue)
        let clientID = try #require(json["client_id"]?.stringValue)
        let secret = try #require(json["client_secret"]?.stringValue)

        #expect(Identifier.isValid(id, kind: .webApp))
        #expect(Identifier.isValid(clientID, kind: .client))
        #expect(json["company_id"]?.stringValue == product.companyID)
        #expect(json["name"] == "Course Site")
        #expect(json["redirect_uris"] == ["https://course.example.com/callback", "http://127.0.0.1:3000/callback"])
        #expect(json["product_ids"] == .array([.string(product.id), .string(second.id)]))
        #expect(json["public"] == false)
        #expect(json["require_pkce"] == true)
        #expect(json["created_at"]?.intValue == Int(AdminHarness.now))
        #expect(json["notice"] == "client_secret is shown only this once")

        let stored = try #require(try harness.store.webApp(clientID: clientID))
        #expect(stored.id == id)
        #expect(stored.companyID == product.companyID)
        #expect(stored.name == "Course Site")
        #expect(stored.redirectURIs == ["https://course.example.com/callback", "http://127.0.0.1:3000/callback"])
        #expect(stored.productIDs == [product.id, second.id])
        #expect(stored.requirePKCE)
        #expect(stored.createdAt == AdminHarness.now)
        #expect(stored.clientSecretHash == TokenHash.of(secret))
        #expect(!stored.isPublic)
    }

    @Test func createPublicClient() throws {
        let product = try harness.addProduct()

        let json = try harness.runJSON(
            [
                "webapp", "create", "--name", "Spa", "--callback-url", "http://localhost:5173/cb", "--product",
                product.id, "--public",
            ])
        let stored = try #require(try harness.store.webApp(id: json["id"]?.stringValue ?? ""))

        #expect(json["client_secret"] == .null)
        #expect(json["public"] == true)
        #expect(json["require_pkce"] == false)
        #expect(stored.clientSecretHash == nil)
        #expect(stored.needsPKCE)
    }

    @Test func humanOutputShowsSecretOnce() throws {
        let product = try harness.addProduct()

        let text = try harness.run(
            [
                "webapp", "create", "--name", "Site", "--callback-url", "https://site.example.com/cb", "--product",
                product.id,
            ])
        let stored = try #require(try harness.store.webApps(productID: product.id).first)
        let secretLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("client_secret: ") })
        let secret = String(secretLine.dropFirst("client_secret: ".count))

        #expect(text.contains("client_id: \(stored.clientID)"))
        #expect(text.contains("shown only this once"))
        #expect(TokenHash.matches(secret, hash: stored.clientSecretHash ?? ""))
    }

    static let badCallbacks: [(String, String)] = [
        ("https://user:pass@app.example.com/cb", "redirect URI contains userinfo ('@' before the host); remove it"),
        (
            "http://app.example.com/cb",
            #"redirect URI uses http with host "app.example.com"; use https, because http is allowed only for "#
                + "localhost, 127.0.0.0/8 and [::1]"
        ),
        ("https://app.example.com/cb#done", "redirect URI contains a fragment ('#'); register the URI without it"),
        ("app.example.com/cb", "redirect URI is not absolute; write it as https://host/path"),
    ]

    @Test(arguments: badCallbacks)
    func badCallbackURL(url: String, reason: String) throws {
        let product = try harness.addProduct()
        let before = try harness.rowCounts()

        let failure = harness.failure(
            [
                "webapp", "create", "--name", "Site", "--callback-url", "https://good.example.com/cb",
                "--callback-url", url, "--product", product.id,
            ])

        #expect(failure?.exitCode == 2)
        #expect(failure?.message == "invalid value \(url.debugDescription) for --callback-url: \(reason)")
        #expect(try harness.rowCounts() == before)
        #expect(try harness.store.webApps(productID: product.id).isEmpty)
    }

    @Test func repeatedCallbackURL() throws {
        let product = try harness.addProduct()
        let before = try harness.rowCounts()

        let failure = harness.failure(
            [
                "webapp", "create", "--name", "Site", "--callback-url", "https://a.example.com/cb",
                "--callback-url", "https://a.example.com/cb", "--product", product.id,
            ])

        #expect(failure?.exitCode == 2)
        #expect(
            failure?.message
                == #"invalid value "https://a.example.com/cb" for --callback-url: "#
                + "the URL is given twice; give each URL once")
        #expect(try harness.rowCounts() == before)
    }

    @Test func unknownProduct() throws {
        let product = try harness.addProduct()
        let before = try harness.rowCounts()

        let failure = harness.failure(
            [
                "webapp", "create", "--name", "Site", "--callback-url", "https://a.example.com/cb", "--product",
                product.id, "--product", "prod_x",
            ])

        #expect(failure?.exitCode == 1)
        #expect(failure?.message == #"unknown product "prod_x": create it with doorman product create"#)
        #expect(try harness.rowCounts() == before)
    }

    @Test func productsOfTwoCompanies() throws {
        let first = try harness.addProduct(companyName: "One")
        let second = try harness.addProduct(companyName: "Two")
        let before = try harness.rowCounts()

        let failure = harness.failure(
            [
                "webapp", "create", "--name", "Site", "--callback-url", "https://a.example.com/cb", "--product",
                first.id, "--product", second.id,
            ])

        #expect(failure?.exitCode == 1)
        #expect(
            failure?.message
                == "product \(second.id) belongs to company \(second.companyID), but product \(first.id) belongs to "
                + "\(first.companyID); a web app serves the products of one company")
        #expect(try harness.rowCounts() == before)
    }

    @Test func missingCallbackURL() throws {
        let product = try harness.addProduct()

        let failure = harness.failure(["webapp", "create", "--name", "Site", "--product", product.id])

        #expect(failure?.exitCode == 2)
        #expect(failure?.message.hasPrefix("missing required option --callback-url <url> (an https URL") == true)
        #expect(try harness.store.webApps(productID: product.id).isEmpty)
    }

    @Test(arguments: [false, true])
    func rotateSecret(byClientID: Bool) throws {
        let product = try harness.addProduct()
        let created = try harness.runJSON(
            [
                "webapp", "create", "--name", "Site", "--callback-url", "https://a.example.com/cb", "--product",
                product.id,
            ])
        let id = try #require(created["id"]?.stringValue)
        let clientID = try #require(created["client_id"]?.stringValue)
        let oldSecret = try #require(created["client_secret"]?.stringValue)

        let json = try harness.runJSON(["webapp", "rotate-secret", "--webapp", byClientID ? clientID : id])
        let newSecret = try #require(json["client_secret"]?.stringValue)
        let stored = try #require(try harness.store.webApp(clientID: clientID))
        let hash = try #require(stored.clientSecretHash)

        #expect(json["id"]?.stringValue == id)
        #expect(json["client_id"]?.stringValue == clientID)
        #expect(newSecret != oldSecret)
        #expect(!TokenHash.matches(oldSecret, hash: hash))
        #expect(TokenHash.matches(newSecret, hash: hash))
    }

    @Test func rotatePublicClient() throws {
        let product = try harness.addProduct()
        let created = try harness.runJSON(
            [
                "webapp", "create", "--name", "Spa", "--callback-url", "https://a.example.com/cb", "--product",
                product.id, "--public",
            ])
        let id = try #require(created["id"]?.stringValue)

        let failure = harness.failure(["webapp", "rotate-secret", "--webapp", id])

        #expect(failure?.exitCode == 1)
        #expect(failure?.message == "web app \(id) is a public client, which has no secret to rotate")
        #expect(try harness.store.webApp(id: id)?.clientSecretHash == nil)
    }

    @Test(
        arguments: [
            ("exp_missing", 1, #"unknown web app "exp_missing": create it with doorman webapp create"#),
            ("app_missing", 1, #"unknown web app "app_missing": create it with doorman webapp create"#),
            (
                "site", 2,
                #"invalid value "site" for --webapp: expected a web app id (exp_…) or a client id (app_…)"#
            ),
        ] as [(String, Int32, String)])
    func rotateUnknownWebApp(value: String, exitCode: Int32, message: String) {
        let failure = harness.failure(["webapp", "rotate-secret", "--webapp", value])

        #expect(failure?.exitCode == exitCode)
        #expect(failure?.message == message)
    }
}
