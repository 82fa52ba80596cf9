import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Hub home and membership pages", .serialized)
struct HubHomeTests {
    /// Returns the part of the hub home between "Your products" and "More products".
    static func heldSection(_ text: String) -> String {
        PageText.components(of: text, between: "<h1>Your products</h1>", and: "<h2>More products</h2>").first ?? ""
    }

    @Test("hub lists held products with their web apps")
    func heldProductsListed() async throws {
        let fixture = try PageFixture()
        try fixture.addProduct(id: "prod_other", title: "Other product", webAppName: "Other app")
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get("/")
        }
        let held = Self.heldSection(reply.text)

        #expect(reply.status == 200)
        #expect(held.contains("<a href=\"/products/prod_charts\">Charts</a>"))
        #expect(held.contains("by Charts &amp; Co"))
        #expect(held.contains("Chart Club"))
        #expect(held.contains("<span class=\"badge\">active</span> <span class=\"badge valid\">Valid now</span>"))
        #expect(held.contains("<a href=\"/hub/memberships/mem_maria\">Membership details</a>"))
        #expect(reply.formActions.contains("/hub/webapps/exp_chart/open"))
    }

    @Test("hub leaves out products the user does not hold")
    func otherProductsNotHeld() async throws {
        let fixture = try PageFixture()
        try fixture.addProduct(id: "prod_other", title: "Other product", webAppName: "Other app")
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get("/")
        }
        let held = Self.heldSection(reply.text)

        #expect(!held.contains("Other product"))
        #expect(!reply.text.contains("Other app"))
        #expect(!reply.formActions.contains("/hub/webapps/exp_other/open"))
        #expect(reply.text.contains("<h2>More products</h2>"))
        #expect(reply.text.contains("<a href=\"/products/prod_other\">Other product</a>"))
    }

    @Test("ended membership shows no Open button")
    func endedMembershipCannotOpen() async throws {
        let fixture = try PageFixture()
        var membership = try #require(try fixture.store.membership(id: "mem_maria"))
        membership.status = .canceled
        #expect(try fixture.store.updateMembership(membership))

        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get("/")
        }

        #expect(reply.text.contains("<span class=\"badge\">canceled</span>"))
        #expect(reply.text.contains("<span class=\"badge invalid\">Not valid now</span>"))
        #expect(!reply.formActions.contains("/hub/webapps/exp_chart/open"))
        #expect(reply.text.contains("see the plans"))
    }

    @Test("user without products is told so")
    func noProducts() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            return try await client.get("/")
        }

        #expect(reply.text.contains("You hold no products yet."))
        #expect(reply.text.contains("<a href=\"/products/prod_charts\">Charts</a>"))
        #expect(reply.formActions == ["/logout"])
    }

    @Test("visitor sees sign-in links and visible products")
    func visitorHome() async throws {
        let fixture = try PageFixture()
        try fixture.addProduct(id: "prod_secret", title: "Secret product", visibility: .hidden)
        let reply = try await fixture.withClient { client in try await client.get("/") }

        #expect(reply.status == 200)
        #expect(reply.text.contains("You are not signed in."))
        #expect(reply.text.contains("<a href=\"/login\">Sign in</a>"))
        #expect(reply.text.contains("<a href=\"/signup\">create an account</a>"))
        #expect(reply.text.contains("<a href=\"/products/prod_charts\">Charts</a>"))
        #expect(!reply.text.contains("Secret product"))
        #expect(reply.formActions.isEmpty)
    }

    @Test("holder sees the membership page")
    func membershipPage() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get("/hub/memberships/mem_maria")
        }

        #expect(reply.status == 200)
        #expect(reply.text.contains("Membership of <a href=\"/products/prod_charts\">Charts</a>"))
        #expect(reply.text.contains("<dt>Plan</dt><dd>9.00 USD every 30 days</dd>"))
        #expect(reply.text.contains("<dt>Purchased</dt><dd>2025-12-05 00:00 UTC</dd>"))
        #expect(reply.text.contains("<dt>Ends</dt><dd>No fixed end</dd>"))
        #expect(reply.formActions.contains("/hub/webapps/exp_chart/open"))
    }

    @Test("membership page is not found for others", arguments: ["sam", "seller"])
    func membershipOfOthers(username: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: username)
            return try await client.get("/hub/memberships/mem_maria")
        }

        #expect(reply.status == 404)
        #expect(!reply.text.contains("Charts"))
    }

    @Test("membership page of a missing id is not found", arguments: ["mem_missing", "mem_<x>", "prod_charts"])
    func membershipMissing(id: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get(
                "/hub/memberships/" + id.replacing("<", with: "%3C").replacing(">", with: "%3E"))
        }

        #expect(reply.status == 404)
        #expect(reply.text.contains("<h1>Page not found</h1>"))
    }

    @Test("membership page sends visitors to sign in")
    func membershipSignedOut() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/hub/memberships/mem_maria") }

        #expect(reply.status == 302)
        #expect(reply.header("Location") == "/login?return_to=%2Fhub%2Fmemberships%2Fmem_maria")
    }

    @Test("membership page path matches the API's manage_url")
    func manageURLPath() async throws {
        let fixture = try PageFixture()
        let (manageURL, page) = try await fixture.withClient(withAPI: true) { client in
            let token = try await Self.accessToken(client)
            let reply = try await client.get("/v5/me/memberships", headers: [("Authorization", "Bearer " + token)])
            let json = try JSONValue.parse(reply.text)
            let manageURL = try #require(json["data"]?[0]?["manage_url"]?.stringValue)
            let path = String(manageURL.trimmingPrefix(WebContext.defaultPublicURL))
            return (manageURL, try await client.get(path))
        }

        #expect(manageURL == WebContext.defaultPublicURL + "/hub/memberships/mem_maria")
        #expect(page.status == 200)
        #expect(page.text.contains("Membership of"))
    }

    /// Opens the fixture web app as Maria and redeems the launch code for an access token.
    static func accessToken(_ client: PageClient) async throws -> String {
        try await client.signIn(username: "Maria")
        let open = try await client.submit("/hub/webapps/exp_chart/open")
        let code = try #require(open.locationQuery?.value("code"))
        let reply = try await client.post(
            "/v5/oauth/token",
            form: [("code", code), ("client_id", "app_chart"), ("client_secret", "client-secret")])
        let json = try JSONValue.parse(reply.text)
        return try #require(json["access_token"]?.stringValue)
    }
}
