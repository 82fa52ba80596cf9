import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Sessions and CSRF", .serialized)
struct SessionTests {
    static let expiredMessage = "This form has expired or was not sent from this site. Reload the page and try again."

    @Test("session cookie attributes")
    func cookieAttributes() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/login") }
        let cookie = try #require(reply.header("Set-Cookie"))

        #expect(cookie.hasPrefix("doorman_session="))
        #expect(cookie.contains("; Path=/"))
        #expect(cookie.contains("; HttpOnly"))
        #expect(cookie.contains("; SameSite=Lax"))
        #expect(cookie.contains("; Max-Age=604800"))
        #expect(!cookie.contains("Secure"))
    }

    @Test("secure cookies setting adds Secure")
    func secureCookie() async throws {
        var settings = OAuthSettings()
        settings.secureCookies = true
        let fixture = try PageFixture(settings: settings)
        let reply = try await fixture.withClient { client in try await client.get("/login") }

        #expect(reply.header("Set-Cookie")?.contains("; Secure") == true)
    }

    @Test("store keeps only the id hash")
    func storeKeepsHash() async throws {
        let fixture = try PageFixture()
        let id = try await fixture.withClient { client in
            _ = try await client.get("/login")
            return try #require(client.cookies["doorman_session"])
        }

        #expect(id.utf8.count == 43)
        #expect(try fixture.store.session(idHash: TokenHash.of(id)) != nil)
        #expect(try fixture.store.session(idHash: id) == nil)
    }

    @Test("sign-in rotates the session id")
    func signInRotates() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            _ = try await client.get("/login")
            let before = try #require(client.cookies["doorman_session"])
            try await client.signIn(username: "Maria")
            let after = try #require(client.cookies["doorman_session"])

            #expect(before != after)
            #expect(try fixture.store.session(idHash: TokenHash.of(before)) == nil)
            #expect(try fixture.store.session(idHash: TokenHash.of(after))?.userID == fixture.member.id)

            client.setCookie("doorman_session", before)
            #expect(try await client.get("/").text.contains("You are not signed in."))
            client.setCookie("doorman_session", after)
            #expect(try await client.get("/").text.contains("<strong>Maria</strong>"))
        }
    }

    @Test("sign-in gives the session a new CSRF token")
    func signInNewToken() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let before = try await client.get("/login").hiddenField("csrf_token")
            try await client.signIn(username: "Maria")
            let after = try await client.get("/").hiddenField("csrf_token")

            #expect(before != nil)
            #expect(after != nil)
            #expect(before != after)
        }
    }

    @Test("sign-out deletes the session and clears the cookie")
    func signOut() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            let id = try #require(client.cookies["doorman_session"])
            let token = try #require(try await client.get("/").hiddenField("csrf_token"))
            let reply = try await client.post("/logout", form: [("csrf_token", token)])

            #expect(reply.status == 303)
            #expect(reply.header("Location") == "/")
            #expect(reply.header("Set-Cookie")?.hasPrefix("doorman_session=; Path=/; Max-Age=0") == true)
            #expect(client.cookies["doorman_session"] == nil)
            #expect(try fixture.store.session(idHash: TokenHash.of(id)) == nil)

            client.setCookie("doorman_session", id)
            #expect(try await client.get("/").text.contains("You are not signed in."))
        }
    }

    @Test("sign-out without the token is rejected")
    func signOutNeedsToken() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            let reply = try await client.post("/logout", form: [])

            #expect(reply.status == 403)
            #expect(try await client.get("/").text.contains("<strong>Maria</strong>"))
        }
    }

    @Test(
        "POST with a bad CSRF token is rejected",
        arguments: [
            ("missing", [(String, String)]()),
            ("empty", [("csrf_token", "")]),
            ("wrong", [("csrf_token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]),
        ])
    func badToken(label: String, token: [(String, String)]) async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            _ = try await client.get("/login")
            let reply = try await client.post(
                "/login", form: token + [("username", "Maria"), ("password", PageFixture.password)])

            #expect(reply.status == 403, "\(label)")
            #expect(reply.text.contains(Self.expiredMessage), "\(label)")
            #expect(reply.header("Location") == nil, "\(label)")
        }
    }

    @Test("repeated CSRF token is rejected")
    func repeatedToken() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let token = try #require(try await client.get("/login").hiddenField("csrf_token"))
            let reply = try await client.post(
                "/login",
                form: [
                    ("csrf_token", token), ("csrf_token", token), ("username", "Maria"),
                    ("password", PageFixture.password),
                ])

            #expect(reply.status == 403)
        }
    }

    @Test("token of another session is rejected")
    func otherSessionToken() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let other = PageClient(port: client.port)
            let token = try #require(try await other.get("/login").hiddenField("csrf_token"))
            _ = try await client.get("/login")
            let reply = try await client.post(
                "/login", form: [("csrf_token", token), ("username", "Maria"), ("password", PageFixture.password)])

            #expect(reply.status == 403)
        }
    }

    @Test("POST without a session cookie is rejected")
    func noSession() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let token = try #require(try await client.get("/login").hiddenField("csrf_token"))
            client.setCookie("doorman_session", nil)
            let reply = try await client.post(
                "/login", form: [("csrf_token", token), ("username", "Maria"), ("password", PageFixture.password)])

            #expect(reply.status == 403)
            #expect(reply.text.contains(Self.expiredMessage))
        }
    }

    @Test("expired session counts as absent")
    func expiredSession() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            let id = try #require(client.cookies["doorman_session"])
            let token = try #require(try await client.get("/").hiddenField("csrf_token"))
            fixture.clock.advance(by: fixture.settings.sessionLifetime)

            #expect(try await client.get("/").text.contains("You are not signed in."))
            #expect(try await client.post("/logout", form: [("csrf_token", token)]).status == 403)
            #expect(try fixture.store.session(idHash: TokenHash.of(id)) == nil)
        }
    }

    @Test("form with another media type is a 400 page")
    func unreadableForm() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            _ = try await client.get("/login")
            return try await client.send(
                "POST", "/login", headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
        }

        #expect(reply.status == 400)
        #expect(reply.header("Content-Type") == "text/html; charset=utf-8")
        #expect(reply.text.contains("The form could not be read"))
    }
}
