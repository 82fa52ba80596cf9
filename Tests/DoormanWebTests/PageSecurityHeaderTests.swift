import DoormanHTTP
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Page security headers", .serialized)
struct PageSecurityHeaderTests {
    static let expected: [(name: String, value: String)] = [
        (
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'"
        ),
        ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
        ("Pragma", "no-cache"),
    ]

    /// Collects one reply of every kind of page and redirect the page routes send.
    static func collectReplies() async throws -> [(label: String, reply: TestConnection.Reply)] {
        let fixture = try PageFixture()
        return try await fixture.withClient { client in
            var replies: [(String, TestConnection.Reply)] = []
            replies.append(("home, signed out", try await client.get("/")))
            replies.append(("sign-in form", try await client.get("/login")))
            replies.append(("CSRF rejection", try await client.post("/login", form: [("username", "Maria")])))
            replies.append(("unreadable form", try await client.send("POST", "/login", headers: [], body: [])))
            replies.append(("failed sign-in", try await client.signIn(username: "Maria", password: "wrong")))
            replies.append(("authorize error", try await client.get("/oauth?client_id=app_unknown")))
            replies.append(("redirect to sign-in", try await client.get("/oauth?" + PageFixture.authorizeQuery())))
            replies.append(("sign-in redirect", try await client.signIn(username: "Maria")))
            replies.append(("home, signed in", try await client.get("/")))
            let consent = try await client.get("/oauth/authorize?" + PageFixture.authorizeQuery())
            replies.append(("consent page", consent))
            replies.append(
                (
                    "redirect with code",
                    try await client.post("/oauth/authorize", form: consent.hiddenFields + [("decision", "allow")])
                ))
            replies.append(
                ("error redirect", try await client.get("/oauth?" + PageFixture.authorizeQuery(scope: "admin"))))
            return replies
        }
    }

    @Test("every page and redirect carries the headers")
    func everyResponseHasHeaders() async throws {
        let replies = try await Self.collectReplies()
        #expect(replies.count == 12)

        for (label, reply) in replies {
            for field in Self.expected {
                #expect(reply.header(field.name) == field.value, "\(label): \(field.name)")
            }
        }
    }

    @Test("pages are HTML in UTF-8")
    func pagesAreHTML() async throws {
        for (label, reply) in try await Self.collectReplies() where reply.header("Location") == nil {
            #expect(reply.header("Content-Type") == "text/html; charset=utf-8", "\(label)")
        }
    }

    @Test("header list matches the applied fields")
    func headerListMatches() {
        var response = Response()
        PageSecurityHeaders.apply(to: &response)
        for field in Self.expected {
            #expect(response.headers[field.name] == field.value)
        }
    }
}
