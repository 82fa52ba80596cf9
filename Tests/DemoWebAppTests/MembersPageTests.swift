import DoormanTestSupport
import Foundation
import Testing

/// The start page, the members page, sign-out, and the header fields of every response.
struct MembersPageTests {
    /// Signs the buyer in through a hub launch in a new browser and returns it.
    private func signedInBuyer(_ demo: LiveDemo) throws -> Browser {
        let browser = demo.browser()
        let reply = try browser.get("/callback/whop?code=\(queryEncoded(try demo.launchCode(for: demo.buyer)))")
        #expect(reply.status == 303)
        return browser
    }

    @Test func homeOffersSignInWhenSignedOut() throws {
        try withLiveDemo { demo in
            let home = try demo.browser().get("/")

            #expect(home.status == 200)
            #expect(home.text.contains("Sign in with Doorman"))
            #expect(home.text.contains("action=\"/login\""))
            #expect(!home.text.contains("<script"))
        }
    }

    @Test func homeRedirectsWhenSignedIn() throws {
        try withLiveDemo { demo in
            let home = try signedInBuyer(demo).get("/")

            #expect(home.status == 303)
            #expect(home.header("Location") == "/members")
        }
    }

    @Test func membersRedirectsWhenSignedOut() throws {
        try withLiveDemo { demo in
            let members = try demo.browser().get("/members")

            #expect(members.status == 303)
            #expect(members.header("Location") == "/")
        }
    }

    @Test func membersPageShowsTheMembership() throws {
        try withLiveDemo { demo in
            let members = try signedInBuyer(demo).get("/members")

            #expect(members.status == 200)
            #expect(members.text.contains("<h1>Members only</h1>"))
            #expect(members.text.contains("(@buyer)"))
            #expect(members.text.contains(demo.product.id))
            #expect(members.text.contains("<span class=\"badge\">yes</span>"))
            #expect(members.text.contains(" UTC"))
            #expect(members.header("Cache-Control") == "no-store")
        }
    }

    @Test func endedMembershipShowsPurchaseRequired() throws {
        try withLiveDemo { demo in
            let browser = try signedInBuyer(demo)
            var ended = demo.membership
            ended.status = .canceled
            ended.expiresAt = demo.now() - 60
            #expect(try demo.store.updateMembership(ended))

            let members = try browser.get("/members")

            #expect(members.status == 403)
            #expect(members.text.contains("<h1>Purchase required</h1>"))
        }
    }

    @Test func logoutEndsTheSession() throws {
        try withLiveDemo { demo in
            let browser = try signedInBuyer(demo)
            let sessionID = try #require(browser.cookies["demo_session"])

            let logout = try browser.post("/logout")
            let members = try browser.get("/members")
            browser.setCookie("demo_session", to: sessionID)
            let replayed = try browser.get("/members")

            #expect(logout.status == 303)
            #expect(logout.header("Location") == "/")
            #expect(browser.cookies["demo_signin"] == nil)
            #expect(members.status == 303)
            #expect(replayed.status == 303)
        }
    }

    /// Header fields of a `POST /login` and whether the app accepts it.
    static let formOrigins: [(headers: [(String, String)], isAccepted: Bool)] = [
        ([], true),
        ([("Origin", "http://127.0.0.1:8081")], true),
        ([("Origin", "null")], true),
        ([("Origin", "http://evil.example")], false),
        ([("Sec-Fetch-Site", "same-origin"), ("Origin", "null")], true),
        ([("Sec-Fetch-Site", "none")], true),
        ([("Sec-Fetch-Site", "cross-site"), ("Origin", "http://evil.example")], false),
        ([("Sec-Fetch-Site", "same-site"), ("Origin", "http://127.0.0.1:8080")], false),
        ([("Sec-Fetch-Site", "cross-site"), ("Origin", "null")], false),
    ]

    @Test(arguments: formOrigins)
    func formFromAnotherSiteIsRejected(headers: [(String, String)], isAccepted: Bool) throws {
        try withLiveDemo { demo in
            let browser = demo.browser()

            let login = try browser.post("/login", headers: headers)

            #expect(login.status == (isAccepted ? 303 : 403))
            #expect(login.text.contains("Form from another site") == !isAccepted)
            #expect((browser.cookies["demo_signin"] != nil) == isAccepted)
        }
    }

    @Test(arguments: ["/", "/members", "/callback/whop", "/assets/demo.css", "/healthz", "/missing"])
    func everyResponseSendsNoReferrer(path: String) throws {
        try withLiveDemo { demo in
            let reply = try demo.browser().get(path)

            #expect(reply.header("Referrer-Policy") == "no-referrer")
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
        }
    }

    @Test func pagesForbidScripts() throws {
        try withLiveDemo { demo in
            let home = try demo.browser().get("/")
            let policy = try #require(home.header("Content-Security-Policy"))

            #expect(policy.contains("default-src 'none'"))
            #expect(!policy.contains("script-src"))
            #expect(home.text.contains("href=\"/assets/demo.css\""))
        }
    }
}
