import DoormanTestSupport
import Foundation
import Testing

/// `GET /callback/whop`: hub launches, sign-ins started at the app, and every way a callback can fail.
struct CallbackTests {
    @Test func launchCodeSignsInAndRedirects() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()
            let code = try demo.launchCode(for: demo.buyer)

            let callback = try browser.get("/callback/whop?code=\(queryEncoded(code))")
            let members = try browser.get("/members")
            let cookie = try #require(callback.setCookies.first { $0.hasPrefix("demo_session=") })

            #expect(callback.status == 303)
            #expect(callback.header("Location") == "/members")
            #expect(callback.header("Referrer-Policy") == "no-referrer")
            #expect(cookie.contains("HttpOnly"))
            #expect(members.status == 200)
            #expect(members.text.contains("<h1>Members only</h1>"))
            #expect(members.text.contains("Ada &lt;Buyer&gt;"))
            #expect(members.text.contains(demo.membership.id))
            #expect(members.text.contains("active"))
        }
    }

    @Test func sessionCookieHoldsOnlyAnIdentifier() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()
            let code = try demo.launchCode(for: demo.buyer)

            let callback = try browser.get("/callback/whop?code=\(queryEncoded(code))")
            let cookie = try #require(callback.setCookies.first { $0.hasPrefix("demo_session=") })

            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains(code))
            #expect(try #require(browser.cookies["demo_session"]).count == 43)
        }
    }

    @Test func reusedCodeShowsErrorPage() throws {
        try withLiveDemo { demo in
            let code = try demo.launchCode(for: demo.buyer)
            _ = try demo.browser().get("/callback/whop?code=\(queryEncoded(code))")
            let second = demo.browser()

            let replay = try second.get("/callback/whop?code=\(queryEncoded(code))")
            let members = try second.get("/members")

            #expect(replay.status == 400)
            #expect(replay.text.contains("Sign-in link expired"))
            #expect(!replay.text.contains(code))
            #expect(second.cookies["demo_session"] == nil)
            #expect(members.status == 303)
            #expect(members.header("Location") == "/")
        }
    }

    @Test func unknownCodeShowsErrorPage() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()

            let callback = try browser.get("/callback/whop?code=not-a-code")
            let members = try browser.get("/members")

            #expect(callback.status == 400)
            #expect(callback.text.contains("already used or has expired"))
            #expect(members.status == 303)
            #expect(members.header("Location") == "/")
        }
    }

    @Test func missingCodeShowsErrorPage() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()

            let callback = try browser.get("/callback/whop")
            let empty = try browser.get("/callback/whop?code=")
            let members = try browser.get("/members")

            #expect(callback.status == 400)
            #expect(callback.text.contains("has no code"))
            #expect(empty.status == 400)
            #expect(members.status == 303)
            #expect(members.header("Location") == "/")
        }
    }

    @Test func accessDeniedOffersTheProduct() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()

            let callback = try browser.get(
                "/callback/whop?error=access_denied&error_description=The+resource+owner+denied+the+request.")
            let members = try browser.get("/members")

            #expect(callback.status == 403)
            #expect(callback.text.contains("Purchase required"))
            #expect(callback.text.contains("href=\"\(demo.doormanURL)/products/\(demo.product.id)\""))
            #expect(browser.cookies["demo_session"] == nil)
            #expect(members.status == 303)
            #expect(members.header("Location") == "/")
        }
    }

    @Test func providerErrorIsShownEscaped() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()

            let callback = try browser.get(
                "/callback/whop?error=server_error&error_description=%3Cscript%3Ex%3C%2Fscript%3E")
            let members = try browser.get("/members")

            #expect(callback.status == 400)
            #expect(callback.text.contains("server_error"))
            #expect(callback.text.contains("&lt;script&gt;x&lt;/script&gt;"))
            #expect(!callback.text.contains("<script>"))
            #expect(members.status == 303)
            #expect(members.header("Location") == "/")
        }
    }

    @Test func repeatedCodeIsRejected() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()
            let code = try demo.launchCode(for: demo.buyer)

            let callback = try browser.get("/callback/whop?code=\(queryEncoded(code))&code=other")

            #expect(callback.status == 400)
            #expect(callback.text.contains("repeats the parameter code"))
            #expect(browser.cookies["demo_session"] == nil)
        }
    }

    @Test func visitorLaunchEndsOnPurchaseRequired() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()
            let code = try demo.launchCode(for: demo.visitor)

            let callback = try browser.get("/callback/whop?code=\(queryEncoded(code))")
            let members = try browser.get("/members")

            #expect(callback.status == 303)
            #expect(members.status == 403)
            #expect(members.text.contains("<h1>Purchase required</h1>"))
            #expect(members.text.contains("Vic Visitor"))
            #expect(members.text.contains("href=\"\(demo.doormanURL)/products/\(demo.product.id)\""))
        }
    }
}
