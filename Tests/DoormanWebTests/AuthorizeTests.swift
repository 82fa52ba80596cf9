import DoormanCrypto
import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Authorization endpoint", .serialized)
struct AuthorizeTests {
    static let authorizePath = "/oauth/authorize?" + PageFixture.authorizeQuery()

    /// Signs `client` in as the member and opens the consent page.
    static func openConsentPage(_ client: PageClient, query: String = PageFixture.authorizeQuery()) async throws
        -> TestConnection.Reply
    {
        try await client.signIn(username: "Maria")
        return try await client.get("/oauth/authorize?" + query)
    }

    @Test(
        "untrusted client or redirect URI shows a page",
        arguments: [
            ("unknown client", "client_id=app_unknown&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback&state=s"),
            ("missing client", "redirect_uri=https%3A%2F%2Fapp.example%2Fcallback&state=s"),
            ("unregistered redirect", "client_id=app_chart&redirect_uri=https%3A%2F%2Fevil.example%2Fcallback"),
            (
                "redirect with extra query",
                "client_id=app_chart&redirect_uri="
                    + "https%3A%2F%2Fapp.example%2Fcallback%2Fdoorman%3Fsource%3Dhub%26x%3D1"
            ),
            ("repeated client", "client_id=app_chart&client_id=app_chart&state=s"),
        ])
    func showsErrorPage(label: String, query: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/oauth/authorize?" + query) }

        #expect(reply.status == 400, "\(label)")
        #expect(reply.header("Location") == nil, "\(label)")
        #expect(reply.text.contains("This sign-in link does not work"), "\(label)")
        #expect(!reply.text.contains("evil.example"), "\(label)")
    }

    @Test("unknown client page names the problem")
    func unknownClientPage() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/oauth?client_id=app_unknown") }

        #expect(reply.text.contains("not registered with Doorman"))
        #expect(reply.text.contains("<code>invalid_client</code>"))
    }

    @Test("bad scope redirects with invalid_scope and state")
    func badScopeRedirects() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get("/oauth/authorize?" + PageFixture.authorizeQuery(scope: "admin"))
        }
        let query = try #require(reply.locationQuery)

        #expect(reply.status == 302)
        #expect(reply.header("Location")?.hasPrefix("https://app.example/callback/doorman?source=hub&error=") == true)
        #expect(query.value("error") == "invalid_scope")
        #expect(query.value("error_description") == "The requested scope is invalid, unknown, or malformed.")
        #expect(query.value("state") == "st&te 1/2")
        #expect(query.value("source") == "hub")
    }

    @Test("error redirect waits for sign-in")
    func errorRedirectAfterSignIn() async throws {
        let fixture = try PageFixture()
        let target = "/oauth?" + PageFixture.authorizeQuery(scope: "admin")
        try await fixture.withClient { client in
            let visitor = try await client.get(target)

            #expect(visitor.status == 302)
            #expect(visitor.header("Location")?.hasPrefix("/login?return_to=") == true)
            let signedIn = try await client.signIn(username: "Maria", returnTo: target)
            #expect(signedIn.header("Location") == target)
            let error = try await client.get(target)
            #expect(error.locationQuery?.value("error") == "invalid_scope")
        }
    }

    @Test("consent POST from a visitor session is rejected")
    func consentFromVisitor() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            let visitor = PageClient(port: client.port)
            let token = try #require(try await visitor.get("/login").hiddenField("csrf_token"))
            let fields = page.hiddenFields.map { field in field.name == "csrf_token" ? (field.name, token) : field }
            return try await visitor.post("/oauth/authorize", form: fields + [("decision", "allow")])
        }

        #expect(reply.status == 403)
        #expect(reply.header("Location") == nil)
    }

    @Test("visitor is sent to sign in and back")
    func visitorSignsIn() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let reply = try await client.get("/oauth?" + PageFixture.authorizeQuery())
            let expected =
                "/login?"
                + URLEncodedForm([.init(name: "return_to", value: "/oauth?" + PageFixture.authorizeQuery())])
                .serialized()

            #expect(reply.status == 302)
            #expect(reply.header("Location") == expected)

            let form = try await client.get(try #require(reply.header("Location")))
            #expect(form.hiddenField("return_to") == "/oauth?" + PageFixture.authorizeQuery())
            let signedIn = try await client.signIn(
                username: "Maria", returnTo: "/oauth?" + PageFixture.authorizeQuery())
            #expect(signedIn.header("Location") == "/oauth?" + PageFixture.authorizeQuery())
        }
    }

    @Test("user without membership gets access_denied")
    func noMembershipDenied() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "sam")
            return try await client.get(Self.authorizePath)
        }
        let query = try #require(reply.locationQuery)

        #expect(reply.status == 302)
        #expect(reply.header("Location")?.hasPrefix(PageFixture.callback + "&") == true)
        #expect(query.value("error") == "access_denied")
        #expect(query.value("state") == "st&te 1/2")
        #expect(query.value("code") == nil)
        #expect(fixture.logs.records("authorization.denied").first?.metadata["reason"] == "no_membership")
    }

    @Test("expired membership gets access_denied")
    func expiredMembershipDenied() async throws {
        let fixture = try PageFixture()
        var membership = try #require(try fixture.store.membership(id: "mem_maria"))
        membership.status = .expired
        #expect(try fixture.store.updateMembership(membership))

        let reply = try await fixture.withClient { client in try await Self.openConsentPage(client) }

        #expect(reply.locationQuery?.value("error") == "access_denied")
    }

    @Test("consent page describes the request")
    func consentPage() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await Self.openConsentPage(client) }

        #expect(reply.status == 200)
        #expect(reply.header("Location") == nil)
        #expect(reply.text.contains("<h1>Allow <strong>Chart Club</strong>?</h1>"))
        #expect(reply.text.contains("by <strong>Charts &amp; Co</strong>"))
        #expect(reply.text.contains("<strong>Maria</strong>"))
        #expect(reply.text.contains("<li>See your memberships and the products you hold.</li>"))
        #expect(reply.text.contains("Afterwards you go back to https://app.example."))
        #expect(reply.text.contains("<form method=\"post\" action=\"/oauth/authorize\">"))
        #expect(reply.text.contains("name=\"decision\" value=\"allow\""))
        #expect(reply.text.contains("name=\"decision\" value=\"deny\""))
    }

    @Test("consent form carries the validated parameters")
    func consentHiddenFields() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await Self.openConsentPage(client) }
        let fields = Dictionary(reply.hiddenFields, uniquingKeysWith: { first, _ in first })

        #expect(fields["client_id"] == "app_chart")
        #expect(fields["redirect_uri"] == PageFixture.callback)
        #expect(fields["response_type"] == "code")
        #expect(fields["scope"] == "read_user")
        #expect(fields["state"] == "st&te 1/2")
        #expect(fields["code_challenge"] == PageFixture.challenge)
        #expect(fields["code_challenge_method"] == "S256")
        #expect(fields["csrf_token"]?.utf8.count == 43)
    }

    @Test("web app name is escaped on the consent page")
    func hostileNameEscaped() async throws {
        let fixture = try PageFixture(webAppName: "<script>alert(\"x\")</script>")
        let reply = try await fixture.withClient { client in try await Self.openConsentPage(client) }

        #expect(reply.status == 200)
        #expect(!reply.text.contains("<script>"))
        #expect(reply.text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    }

    @Test("allow redirects with code and state")
    func allowIssuesCode() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            return try await client.post("/oauth/authorize", form: page.hiddenFields + [("decision", "allow")])
        }
        let location = try #require(reply.header("Location"))
        let query = try #require(reply.locationQuery)

        #expect(reply.status == 303)
        #expect(location.hasPrefix("https://app.example/callback/doorman?source=hub&code="))
        #expect(query.value("source") == "hub")
        #expect(query.value("code")?.utf8.count == OrderedToken.length)
        #expect(query.value("state") == "st&te 1/2")
        #expect(reply.header("Cache-Control") == "no-store")
        #expect(reply.header("Referrer-Policy") == "no-referrer")
    }

    @Test("issued code record matches the request")
    func codeRecord() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            return try await client.post("/oauth/authorize", form: page.hiddenFields + [("decision", "allow")])
        }
        let code = try #require(reply.locationQuery?.value("code"))
        let record = try #require(try fixture.store.authorizationCode(hash: TokenHash.of(code)))

        #expect(record.clientID == "app_chart")
        #expect(record.userID == fixture.member.id)
        #expect(record.redirectURI == PageFixture.callback)
        #expect(record.codeChallenge == PageFixture.challenge)
        #expect(record.codeChallengeMethod == .s256)
        #expect(record.scope.description == "read_user")
        #expect(record.createdAt == PageFixture.start)
        #expect(record.expiresAt == PageFixture.start + 600)
        #expect(record.consumedAt == nil)
        #expect(try fixture.store.authorizationCode(hash: code) == nil)

        let issued = fixture.logs.records("authorization_code.issued")
        #expect(issued.count == 1)
        #expect(issued.first?.metadata["oauth.client_id"] == "app_chart")
        #expect(issued.first?.metadata["user.id"] == fixture.member.id)
        #expect(!fixture.logs.all.contains { "\($0.metadata)".contains(code) })
    }

    @Test("stored consent skips the consent page")
    func storedConsent() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            let first = try await client.post("/oauth/authorize", form: page.hiddenFields + [("decision", "allow")])
            let second = try await client.get("/oauth?" + PageFixture.authorizeQuery())
            let secondCode = try #require(second.locationQuery?.value("code"))

            #expect(second.status == 302)
            #expect(second.locationQuery?.value("state") == "st&te 1/2")
            #expect(secondCode != first.locationQuery?.value("code"))
            #expect(try fixture.store.authorizationCode(hash: TokenHash.of(secondCode)) != nil)
        }
        let consent = try #require(try fixture.store.consent(userID: fixture.member.id, clientID: "app_chart"))
        #expect(consent.scope.description == "read_user")
    }

    @Test("wider scope asks for consent again")
    func widerScopeAsksAgain() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            _ = try await client.post("/oauth/authorize", form: page.hiddenFields + [("decision", "allow")])
            let wider = try await client.get("/oauth?" + PageFixture.authorizeQuery(scope: "openid user"))

            #expect(wider.status == 200)
            #expect(wider.text.contains("<li>Confirm who you are.</li>"))
            _ = try await client.post("/oauth/authorize", form: wider.hiddenFields + [("decision", "allow")])
        }
        let consent = try #require(try fixture.store.consent(userID: fixture.member.id, clientID: "app_chart"))
        #expect(consent.scope.description == "openid read_user user")
    }

    @Test("deny redirects with access_denied")
    func denyRedirects() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            return try await client.post("/oauth/authorize", form: page.hiddenFields + [("decision", "deny")])
        }
        let query = try #require(reply.locationQuery)

        #expect(reply.status == 303)
        #expect(query.value("error") == "access_denied")
        #expect(query.value("error_description") == "The resource owner or authorization server denied the request.")
        #expect(query.value("state") == "st&te 1/2")
        #expect(query.value("code") == nil)
        #expect(try fixture.store.consent(userID: fixture.member.id, clientID: "app_chart") == nil)
    }

    @Test("consent POST without CSRF token is rejected")
    func consentNeedsToken() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            let fields = page.hiddenFields.filter { $0.name != "csrf_token" }
            return try await client.post("/oauth/authorize", form: fields + [("decision", "allow")])
        }

        #expect(reply.status == 403)
        #expect(reply.header("Location") == nil)
        #expect(try fixture.store.consent(userID: fixture.member.id, clientID: "app_chart") == nil)
    }

    @Test("changed redirect URI in the form shows a page")
    func tamperedRedirect() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            let fields = page.hiddenFields.map { field in
                field.name == "redirect_uri" ? (field.name, "https://evil.example/steal") : field
            }
            return try await client.post("/oauth/authorize", form: fields + [("decision", "allow")])
        }

        #expect(reply.status == 400)
        #expect(reply.header("Location") == nil)
    }

    @Test("changed scope in the form redirects invalid_scope")
    func tamperedScope() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            let fields = page.hiddenFields.map { field in field.name == "scope" ? (field.name, "admin") : field }
            return try await client.post("/oauth/authorize", form: fields + [("decision", "allow")])
        }

        #expect(reply.status == 303)
        #expect(reply.locationQuery?.value("error") == "invalid_scope")
        #expect(reply.locationQuery?.value("code") == nil)
    }

    @Test("consent POST needs exactly one decision", arguments: [[String](), ["maybe"], ["allow", "deny"]])
    func decisionRequired(decisions: [String]) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let page = try await Self.openConsentPage(client)
            return try await client.post(
                "/oauth/authorize", form: page.hiddenFields + decisions.map { ("decision", $0) })
        }

        #expect(reply.status == 400)
        #expect(reply.header("Location") == nil)
    }

    @Test("both paths serve the endpoint", arguments: ["/oauth", "/oauth/authorize"])
    func bothPaths(path: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            _ = try await Self.openConsentPage(client)
            return try await client.get(path + "?" + PageFixture.authorizeQuery())
        }

        #expect(reply.status == 200)
        #expect(reply.text.contains("Allow <strong>Chart Club</strong>?"))
    }

    @Test("public client without PKCE is refused")
    func missingChallenge() async throws {
        let fixture = try PageFixture()
        var publicApp = fixture.webApp
        publicApp.id = "exp_public"
        publicApp.clientID = "app_public"
        publicApp.clientSecretHash = nil
        try fixture.store.createWebApp(publicApp)

        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get("/oauth?client_id=app_public&state=s")
        }

        #expect(reply.status == 302)
        #expect(reply.locationQuery?.value("error") == "invalid_request")
        #expect(reply.locationQuery?.value("error_description") == "Missing required parameter: code_challenge.")
        #expect(reply.locationQuery?.value("state") == "s")
    }
}
