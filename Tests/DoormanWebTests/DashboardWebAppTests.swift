import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Dashboard web apps and secrets", .serialized)
struct DashboardWebAppTests {
    static let productPage = "/dashboard/products/prod_charts"

    /// Adds a web app to the fixture product as the seller and returns the reply of the POST and of the page
    /// that follows it.
    static func addWebApp(_ client: PageClient, name: String = "Lesson app", callback: String)
        async throws -> (post: TestConnection.Reply, page: TestConnection.Reply?)
    {
        let post = try await client.submit(
            productPage + "/webapps", from: productPage, [("name", name), ("callback_url", callback)])
        guard let location = post.header("Location") else {
            return (post, nil)
        }
        return (post, try await client.get(location))
    }

    @Test("new web app shows its secret once")
    func secretShownOnce() async throws {
        let fixture = try PageFixture()
        let (created, again) = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            let created = try await Self.addWebApp(client, callback: "https://lessons.example/callback/doorman")
            let location = try #require(created.post.header("Location"))
            return (created, try await client.get(location))
        }
        let page = try #require(created.page)
        let secret = try #require(page.revealedSecret)
        let webApp = try #require(try fixture.store.webApps(productID: "prod_charts").first { $0.name == "Lesson app" })

        #expect(created.post.status == 303)
        #expect(created.post.header("Location") == "/dashboard/webapps/" + webApp.id)
        #expect(page.status == 200)
        #expect(page.header("Cache-Control") == "no-store")
        #expect(page.text.contains("<code>\(webApp.clientID)</code>"))
        #expect(secret.utf8.count == 43)
        #expect(TokenHash.matches(secret, hash: try #require(webApp.clientSecretHash)))
        #expect(again.status == 200)
        #expect(again.revealedSecret == nil)
        #expect(!again.text.contains(secret))
        #expect(again.text.contains("<code>\(webApp.clientID)</code>"))
    }

    @Test("new web app is stored with its callback and product")
    func webAppStored() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            _ = try await Self.addWebApp(client, callback: "http://127.0.0.1:3000/callback")
        }
        let webApp = try #require(try fixture.store.webApps(productID: "prod_charts").first { $0.name == "Lesson app" })

        #expect(webApp.id.hasPrefix("exp_"))
        #expect(webApp.clientID.hasPrefix("app_"))
        #expect(webApp.companyID == "biz_charts")
        #expect(webApp.redirectURIs == ["http://127.0.0.1:3000/callback"])
        #expect(webApp.productIDs == ["prod_charts"])
        #expect(!webApp.isPublic)
        #expect(!webApp.needsPKCE)
        #expect(webApp.createdAt == PageFixture.start)
        #expect(fixture.logs.records("client.created").first?.metadata["web_app.id"] == webApp.id)
    }

    @Test("secret cookie is scoped and strict")
    func secretCookie() async throws {
        let fixture = try PageFixture()
        let (created, location) = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            let created = try await Self.addWebApp(client, callback: "https://lessons.example/callback")
            return (created, try #require(created.post.header("Location")))
        }
        let setCookie = try #require(
            created.post.headerValues("Set-Cookie").first { $0.hasPrefix("doorman_new_client_secret=") })
        let cleared = try #require(created.page?.headerValues("Set-Cookie").first)

        #expect(setCookie.contains("; Path=\(location);"))
        #expect(setCookie.contains("; Max-Age=60"))
        #expect(setCookie.contains("; HttpOnly"))
        #expect(setCookie.contains("; SameSite=Strict"))
        #expect(cleared.hasPrefix("doorman_new_client_secret=;"))
        #expect(cleared.contains("; Max-Age=0"))
    }

    @Test("secret is not logged")
    func secretNotLogged() async throws {
        let fixture = try PageFixture()
        let page = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await Self.addWebApp(client, callback: "https://lessons.example/callback").page
        }
        let secret = try #require(page?.revealedSecret)

        #expect(!fixture.logs.all.contains { $0.metadata.values.contains { $0.contains(secret) } })
    }

    @Test("new secret works at the token endpoint")
    func secretAuthenticates() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient(withAPI: true) { client in
            try await client.signIn(username: "seller")
            let page = try #require(
                try await Self.addWebApp(client, callback: "https://lessons.example/callback").page)
            let secret = try #require(page.revealedSecret)
            let clientID = try #require(
                PageText.components(of: page.text, between: "<dt>Client ID</dt><dd><code>", and: "</code>").first)

            try await client.switchUser(to: "Maria")
            let webApp = try #require(try fixture.store.webApp(clientID: clientID))
            let open = try await client.submit("/hub/webapps/\(webApp.id)/open")
            let code = try #require(open.locationQuery?.value("code"))
            return try await client.post(
                "/v5/oauth/token", form: [("code", code), ("client_id", clientID), ("client_secret", secret)])
        }

        #expect(reply.status == 200)
    }

    @Test("rotation replaces the secret")
    func rotateSecret() async throws {
        let fixture = try PageFixture()
        let (first, rotation, rotated, again) = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            let created = try await Self.addWebApp(client, callback: "https://lessons.example/callback")
            let path = try #require(created.post.header("Location"))
            let rotation = try await client.submit(path + "/rotate-secret", from: path)
            let rotated = try await client.get(try #require(rotation.header("Location")))
            return (created.page?.revealedSecret, rotation, rotated, try await client.get(path))
        }
        let oldSecret = try #require(first)
        let newSecret = try #require(rotated.revealedSecret)
        let webApp = try #require(try fixture.store.webApps(productID: "prod_charts").first { $0.name == "Lesson app" })
        let hash = try #require(webApp.clientSecretHash)

        #expect(rotation.status == 303)
        #expect(rotation.header("Location") == "/dashboard/webapps/" + webApp.id)
        #expect(newSecret != oldSecret)
        #expect(TokenHash.matches(newSecret, hash: hash))
        #expect(!TokenHash.matches(oldSecret, hash: hash))
        #expect(again.revealedSecret == nil)
        #expect(fixture.logs.records("client.secret_rotated").first?.metadata["web_app.id"] == webApp.id)
    }

    @Test("old secret fails at the token endpoint after rotation")
    func oldSecretFails() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient(withAPI: true) { client in
            try await client.signIn(username: "seller")
            try await client.submit("/dashboard/webapps/exp_chart/rotate-secret", from: "/dashboard/webapps/exp_chart")
            try await client.switchUser(to: "Maria")
            let open = try await client.submit("/hub/webapps/exp_chart/open")
            let code = try #require(open.locationQuery?.value("code"))
            return try await client.post(
                "/v5/oauth/token",
                form: [("code", code), ("client_id", "app_chart"), ("client_secret", "client-secret")])
        }

        #expect(reply.status == 401)
        #expect(reply.text.contains("\"error\":\"invalid_client\""))
    }

    @Test("public client has no secret to rotate")
    func rotatePublicClient() async throws {
        let fixture = try PageFixture()
        try fixture.store.createWebApp(
            WebApp(
                id: "exp_spa", companyID: "biz_charts", name: "Single page app", clientID: "app_spa",
                clientSecretHash: nil, redirectURIs: ["https://spa.example/callback"], productIDs: ["prod_charts"],
                createdAt: PageFixture.start))
        let (page, reply) = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            let page = try await client.get("/dashboard/webapps/exp_spa")
            let token = try #require(page.hiddenField("csrf_token"))
            return (
                page, try await client.post("/dashboard/webapps/exp_spa/rotate-secret", form: [("csrf_token", token)])
            )
        }

        #expect(!page.formActions.contains("/dashboard/webapps/exp_spa/rotate-secret"))
        #expect(reply.status == 409)
        #expect(try fixture.store.webApp(id: "exp_spa")?.clientSecretHash == nil)
    }

    @Test(
        "bad Callback URL shows the reason and creates nothing",
        arguments: [
            ("https://user:pass@lessons.example/callback", RedirectURIError.userinfo),
            ("http://lessons.example/callback", .insecureHTTP(host: "lessons.example")),
            ("https://lessons.example/callback#done", .fragment),
            ("lessons.example/callback", .notAbsolute),
            ("javascript:alert(1)", .notAbsolute),
            ("https://lessons.example\\@evil.example/callback", .backslash),
            ("https://lessons.example/a%2Fcallback", .encodedDotOrSlash),
            ("https://\u{FF4C}essons.example/callback", .invalidCharacter("\u{FF4C}", offset: 8)),
            ("https://lessons.example/a,https://evil.example/b", .comma),
        ])
    func badCallbackURL(url: String, error: RedirectURIError) async throws {
        let fixture = try PageFixture()
        let created = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await Self.addWebApp(client, callback: url)
        }

        #expect(created.post.status == 422)
        #expect(created.page == nil)
        #expect(created.post.text.contains("id=\"webapp-callback-error\" role=\"alert\">"))
        #expect(created.post.text.contains(HTML.escape("This Callback URL cannot be used: \(error.description).")))
        #expect(created.post.text.contains("value=\"\(HTML.escape(url))\""))
        #expect(try fixture.store.webApps(productID: "prod_charts").count == 1)
        #expect(created.post.headerValues("Set-Cookie").isEmpty)
    }

    @Test("blank web app name shows its message")
    func blankName() async throws {
        let fixture = try PageFixture()
        let created = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await Self.addWebApp(client, name: " ", callback: "https://lessons.example/callback")
        }

        #expect(created.post.status == 422)
        #expect(created.post.text.contains("id=\"webapp-name-error\" role=\"alert\">Use 1 to 100 characters"))
        #expect(try fixture.store.webApps(productID: "prod_charts").count == 1)
    }
}
