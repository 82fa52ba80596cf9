import DoormanHTTP
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Sign-in pages", .serialized)
struct PageSignInTests {
    static let failureMessage = "Wrong username or password."

    @Test("sign-in form has the fields")
    func formFields() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/login?return_to=%2Foauth%3Fa%3D1") }

        #expect(reply.status == 200)
        #expect(reply.text.contains("<form method=\"post\" action=\"/login\">"))
        #expect(reply.hiddenField("csrf_token")?.utf8.count == 43)
        #expect(reply.hiddenField("return_to") == "/oauth?a=1")
        #expect(reply.text.contains("name=\"username\""))
        #expect(reply.text.contains("type=\"password\""))
    }

    @Test("correct password signs in")
    func signInSucceeds() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let reply = try await client.signIn(username: "Maria")

            #expect(reply.status == 303)
            #expect(reply.header("Location") == "/")
            #expect(reply.header("Set-Cookie")?.hasPrefix("doorman_session=") == true)
            #expect(try await client.get("/").text.contains("You are signed in as <strong>Maria</strong>."))
        }
    }

    @Test("username matches in any case")
    func usernameAnyCase() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.signIn(username: "maria") }

        #expect(reply.status == 303)
    }

    @Test(
        "failed sign-in shows one message",
        arguments: [("Maria", "wrong password"), ("nobody", PageFixture.password), ("", ""), ("Maria", "")])
    func signInFails(username: String, password: String) async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let reply = try await client.signIn(username: username, password: password)

            #expect(reply.status == 200)
            #expect(reply.header("Location") == nil)
            #expect(reply.text.contains("<p class=\"error\" role=\"alert\">\(Self.failureMessage)</p>"))
            #expect(reply.header("Set-Cookie") == nil)
            #expect(try await client.get("/").text.contains("You are not signed in."))
        }
    }

    @Test("failed sign-in keeps the form usable")
    func failureKeepsForm() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let failed = try await client.signIn(username: "Maria", password: "wrong", returnTo: "/oauth?x=1")

            #expect(failed.hiddenField("return_to") == "/oauth?x=1")
            let token = try #require(failed.hiddenField("csrf_token"))
            let retry = try await client.post(
                "/login",
                form: [
                    ("csrf_token", token), ("username", "Maria"), ("password", PageFixture.password),
                    ("return_to", "/oauth?x=1"),
                ])
            #expect(retry.status == 303)
            #expect(retry.header("Location") == "/oauth?x=1")
        }
    }

    @Test("username is escaped when shown again")
    func usernameEscaped() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "\"><script>x</script>", password: "wrong")
        }

        #expect(!reply.text.contains("<script>"))
        #expect(reply.text.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""))
    }

    @Test(
        "return_to outside the site falls back to the root",
        arguments: [
            "//evil.com", "https://evil.com", "/\\evil.com", "\\\\evil.com", "/\t/evil.com", "/\n/evil.com",
            "javascript:alert(1)", "evil.com", "", "/ok\\..\\evil", "/caf\u{E9}",
        ])
    func returnToRejected(returnTo: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            let token = try #require(try await client.get("/login").hiddenField("csrf_token"))
            return try await client.post(
                "/login",
                form: [
                    ("csrf_token", token), ("username", "Maria"), ("password", PageFixture.password),
                    ("return_to", returnTo),
                ])
        }

        #expect(reply.status == 303)
        #expect(reply.header("Location") == "/")
    }

    @Test("return_to on the site is kept", arguments: ["/", "/oauth?client_id=app_chart&state=a%20b", "/a/b?c=//d"])
    func returnToKept(returnTo: String) async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria", returnTo: returnTo)
        }

        #expect(reply.header("Location") == returnTo)
    }

    @Test("signed-in user skips the form")
    func signedInSkipsForm() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get("/login?return_to=%2Fnext")
        }

        #expect(reply.status == 302)
        #expect(reply.header("Location") == "/next")
    }

    @Test("sign-in events are logged without the password")
    func auditEvents() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            try await PageClient(port: client.port).signIn(username: "Maria", password: "wrong-secret")
            try await PageClient(port: client.port).signIn(username: "nobody", password: "other-secret")
        }

        let succeeded = fixture.logs.records("sign_in.succeeded")
        let failed = fixture.logs.records("sign_in.failed")
        #expect(succeeded.count == 1)
        #expect(succeeded.first?.metadata["user.id"] == fixture.member.id)
        #expect(failed.count == 2)
        #expect(failed.first?.metadata["user.id"] == fixture.member.id)
        #expect(failed.last?.metadata["user.username"] == "nobody")

        let everything = fixture.logs.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains(PageFixture.password))
        #expect(!everything.contains("wrong-secret"))
        #expect(!everything.contains("other-secret"))
    }
}
