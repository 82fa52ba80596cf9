import DoormanCrypto
import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("Hub sign-up", .serialized)
struct HubSignUpTests {
    @Test("sign-up signs in and shows the hub")
    func signUpShowsHub() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            let reply = try await client.signUp([
                ("username", "new.buyer"), ("password", "long enough"), ("name", "New Buyer"),
                ("email", "new@example.com"),
            ])

            #expect(reply.status == 303)
            #expect(reply.header("Location") == "/")
            #expect(reply.header("Set-Cookie")?.hasPrefix("doorman_session=") == true)
            let hub = try await client.get("/")
            #expect(hub.text.contains("<h1>Your products</h1>"))
            #expect(hub.text.contains("You are signed in as <strong>new.buyer</strong>."))
            #expect(hub.text.contains("You hold no products yet."))
        }

        let user = try #require(try fixture.store.user(username: "new.buyer"))
        #expect(user.name == "New Buyer")
        #expect(user.email == "new@example.com")
        #expect(user.id.hasPrefix("user_"))
        #expect(PasswordHasher(limits: .minimum).verify(password: "long enough", hash: user.passwordHash))
        #expect(fixture.logs.records("user.created").first?.metadata["user.id"] == user.id)
    }

    @Test("sign-up rotates the session id")
    func signUpRotatesSession() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            _ = try await client.get("/signup")
            let before = try #require(client.cookies["doorman_session"])
            try await client.signUp([("username", "rotator"), ("password", "long enough")])
            let after = try #require(client.cookies["doorman_session"])

            #expect(before != after)
            #expect(try fixture.store.session(idHash: TokenHash.of(before)) == nil)
        }
    }

    @Test("blank name and email are stored as none")
    func optionalFieldsBlank() async throws {
        let fixture = try PageFixture()
        try await fixture.withClient { client in
            try await client.signUp([("username", "plain"), ("password", "long enough"), ("name", " "), ("email", "")])
        }

        let user = try #require(try fixture.store.user(username: "plain"))
        #expect(user.name == nil)
        #expect(user.email == nil)
    }

    @Test(
        "invalid field shows its message",
        arguments: [
            ("username", "ab", "Use 3 to 32 characters"),
            ("username", "has space", "Use 3 to 32 characters"),
            ("username", String(repeating: "a", count: 33), "Use 3 to 32 characters"),
            ("password", "short", "Use at least 8 characters."),
            ("password", String(repeating: "p", count: 1025), "This password is too long."),
            ("email", "not-an-address", "Enter an address such as ada@example.com"),
            ("name", "two\nlines", "Use up to 100 characters"),
        ])
    func invalidField(field: String, value: String, message: String) async throws {
        let fixture = try PageFixture()
        var fields = ["username": "valid_name", "password": "long enough", "email": "", "name": ""]
        fields[field] = value

        let reply = try await fixture.withClient { client in
            try await client.signUp(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }

        #expect(reply.status == 422)
        #expect(reply.header("Location") == nil)
        #expect(reply.header("Set-Cookie") == nil)
        #expect(reply.text.contains("id=\"\(field)-error\" role=\"alert\">\(message)"))
        #expect(try fixture.store.user(username: "valid_name") == nil)
    }

    @Test("password of 1024 bytes is accepted")
    func longestPassword() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signUp([("username", "longpass"), ("password", String(repeating: "p", count: 1024))])
        }

        #expect(reply.status == 303)
    }

    @Test("taken username shows a plain message")
    func duplicateUsername() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signUp([("username", "maria"), ("password", "long enough")])
        }

        #expect(reply.status == 422)
        #expect(reply.text.contains("The username maria is taken. Choose another one."))
        #expect(reply.header("Set-Cookie") == nil)
        #expect(try fixture.store.user(username: "maria")?.id == fixture.member.id)
    }

    @Test("form keeps typed values but not the password")
    func formKeepsValues() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signUp([
                ("username", "ab"), ("password", "secret password"), ("name", "<Ada>"), ("email", "ada@example.com"),
            ])
        }

        #expect(reply.text.contains("value=\"ab\""))
        #expect(reply.text.contains("value=\"&lt;Ada&gt;\""))
        #expect(reply.text.contains("value=\"ada@example.com\""))
        #expect(!reply.text.contains("secret password"))
    }

    @Test("sign-up returns to a local path")
    func signUpReturnTo() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.submit(
                "/signup", from: "/signup?return_to=%2Fproducts%2Fprod_charts",
                [("username", "returner"), ("password", "long enough"), ("return_to", "/products/prod_charts")])
        }

        #expect(reply.header("Location") == "/products/prod_charts")
    }

    @Test("signed-in user skips the sign-up form")
    func signedInSkipsForm() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.get("/signup")
        }

        #expect(reply.status == 302)
        #expect(reply.header("Location") == "/")
    }
}
