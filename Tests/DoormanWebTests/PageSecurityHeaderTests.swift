import DoormanHTTP
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Page security headers")
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
    ]

    /// Collects one reply of every kind of page and redirect the page routes send.
    static func collectReplies() throws -> [(label: String, reply: TestConnection.Reply)] {
        let fixture = try PageFixture()
        return try fixture.withClient { client in
            var replies: [(String, TestConnection.Reply)] = []
            replies.append(("home, signed out", try client.get("/")))
            replies.append(("sign-in form", try client.get("/login")))
            replies.append(("CSRF rejection", try client.post("/login", form: [("username", "Maria")])))
            replies.append(("unreadable form", try client.send("POST", "/login", headers: [], body: [])))
            replies.append(("failed sign-in", try client.signIn(username: "Maria", password: "wrong")))
            replies.append(("authorize error", try client.get("/oauth?client_id=app_unknown")))
            replies.append(("redirect to sign-in", try client.get("/oauth?" + PageFixture.authorizeQuery())))
            replies.append(("sign-in redirect", try client.signIn(username: "Maria")))
            replies.append(("home, signed in", try client.get("/")))
            let consent = try client.get("/oauth/authorize?" + PageFixture.authorizeQuery())
            replies.append(("consent page", consent))
            replies.append(
                (
                    "redirect with code",
                    try client.post("/oauth/authorize", form: consent.hiddenFields + [("decision", "allow")])
                ))
            replies.append(("error redirect", try client.get("/oauth?" + PageFixture.authorizeQuery(scope: "admin"))))
            return replies
        }
    }

    @Test("every page and redirect carries the headers")
    func everyResponseHasHeaders() throws {
        let replies = try Self.collectReplies()
        #expect(replies.count == 12)

        for (label, reply) in replies {
            for field in Self.expected {
                #expect(reply.header(field.name) == field.value, "\(label): \(field.name)")
            }
        }
    }

    @Test("pages are HTML in UTF-8")
    func pagesAreHTML() throws {
        for (label, reply) in try Self.collectReplies() where reply.header("Location") == nil {
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
