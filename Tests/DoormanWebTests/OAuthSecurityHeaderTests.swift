import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

/// Caching, referrer, transport and CORS headers of the OAuth endpoints, and redirects that never reach an
/// unverified URI.
@Suite("OAuth security headers", .serialized)
struct OAuthSecurityHeaderTests {
    static let oauthPaths = [
        "/oauth", "/oauth/authorize", "/v5/oauth/token", "/oauth/token", "/oauth/revoke", "/oauth/introspect",
    ]

    @Test func preflightGetsNoCORSAllowance() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient(withAPI: true) { client in
            for path in Self.oauthPaths {
                let preflight = try await client.send(
                    "OPTIONS", path,
                    headers: [
                        ("Origin", "https://evil.example"), ("Access-Control-Request-Method", "POST"),
                        ("Access-Control-Request-Headers", "authorization"),
                    ], body: [])
                let corsFields = preflight.headers.filter { $0.name.lowercased().hasPrefix("access-control-") }

                #expect(preflight.status == 405, "\(path)")
                #expect(corsFields.isEmpty, "\(path): \(corsFields)")
            }
        }
    }

    @Test func crossOriginPostGetsNoCORSAllowance() async throws {
        try await APIFixture.run { fixture in
            for path in ["/v5/oauth/token", "/oauth/revoke", "/oauth/introspect"] {
                let reply = try await fixture.client.postForm(
                    path, [("token", "t"), ("code", "c")] + fixture.courseCredentials,
                    headers: [("Origin", "https://evil.example")])
                let corsFields = reply.headers.filter { $0.name.lowercased().hasPrefix("access-control-") }

                #expect(corsFields.isEmpty, "\(path): \(corsFields)")
            }
        }
    }

    @Test func authorizeRedirectWithCodeIsNotCached() async throws {
        let fixture = try PageFixture()
        let redirect = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            let consent = try await client.get("/oauth/authorize?" + PageFixture.authorizeQuery())
            return try await client.post("/oauth/authorize", form: consent.hiddenFields + [("decision", "allow")])
        }

        #expect(redirect.status == 303)
        #expect(redirect.locationQuery?.value("code") != nil)
        #expect(redirect.header("Cache-Control") == "no-store")
        #expect(redirect.header("Pragma") == "no-cache")
        #expect(redirect.header("Referrer-Policy") == "no-referrer")
    }

    @Test func launchRedirectWithCodeIsNotCached() async throws {
        let fixture = try PageFixture()
        let redirect = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit("/hub/webapps/exp_chart/open")
        }

        #expect(redirect.status == 303)
        #expect(redirect.locationQuery?.value("code") != nil)
        #expect(redirect.header("Cache-Control") == "no-store")
        #expect(redirect.header("Pragma") == "no-cache")
        #expect(redirect.header("Referrer-Policy") == "no-referrer")
    }

    @Test(arguments: [("https://doorman.example", true), ("http://127.0.0.1:8080", false)])
    func strictTransportSecurityFollowsScheme(url: String, expected: Bool) throws {
        var router = Router()
        router.use(StrictTransportSecurity(publicURL: PublicBaseURL(url)))
        router.get("/page") { _ in Response(contentType: "text/plain", text: "ok") }

        try withLiveServer(router) { _, port in
            for target in ["/page", "/missing"] {
                let connection = try TestConnection(port: port)
                try connection.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let reply = try connection.readReply()

                let value = reply.header("Strict-Transport-Security")
                #expect(value == (expected ? "max-age=31536000" : nil), "\(target)")
            }
        }
    }
}

/// Redirect URIs stored before a rule existed, or written to the database by hand, are never redirected to.
@Suite("Stored redirect URIs", .serialized)
struct StoredRedirectURITests {
    static let unverified = [
        "http://evil.example/callback", "https://user@app.example/callback", "https://app.example/a%2Fcb",
        "https://\u{FF41}pp.example/callback",
    ]

    /// Stores a web app of the fixture's product whose only redirect URI is `uri`, skipping registration checks.
    private static func addWebApp(_ fixture: PageFixture, uri: String) throws {
        try fixture.store.createWebApp(
            WebApp(
                id: "exp_stale", companyID: "biz_charts", name: "Stale", clientID: "app_stale",
                clientSecretHash: TokenHash.of("stale-secret"), redirectURIs: [uri], productIDs: ["prod_charts"],
                createdAt: PageFixture.start))
    }

    @Test(arguments: unverified)
    func authorizeShowsErrorPage(uri: String) async throws {
        let fixture = try PageFixture()
        try Self.addWebApp(fixture, uri: uri)
        let pairs: [URLEncodedForm.Pair] = [
            .init(name: "client_id", value: "app_stale"), .init(name: "scope", value: "x"),
        ]
        let withoutTarget = "/oauth/authorize?" + URLEncodedForm(pairs).serialized()
        let withTarget =
            "/oauth/authorize?" + URLEncodedForm(pairs + [.init(name: "redirect_uri", value: uri)]).serialized()

        let (withoutURI, withURI) = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return (try await client.get(withoutTarget), try await client.get(withTarget))
        }

        for reply in [withoutURI, withURI] {
            #expect(reply.status == 400)
            #expect(reply.header("Location") == nil)
            #expect(reply.text.contains("has not registered"))
        }
    }

    @Test(arguments: unverified)
    func launchShowsPage(uri: String) async throws {
        let fixture = try PageFixture()
        try Self.addWebApp(fixture, uri: uri)

        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit("/hub/webapps/exp_stale/open")
        }

        #expect(reply.status == 409)
        #expect(reply.header("Location") == nil)
        #expect(!reply.text.contains("evil.example"))
    }
}
