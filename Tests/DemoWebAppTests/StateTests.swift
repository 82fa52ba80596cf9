import DoormanTestSupport
import Foundation
import Testing

/// Sign-in started at the app's `POST /login`: the `state` and PKCE verifier kept server-side.
struct StateTests {
    /// Starts sign-in in `browser` and returns the authorization URL the app redirected to.
    private func startSignIn(_ browser: Browser) throws -> String {
        let reply = try browser.post("/login")
        #expect(reply.status == 303)
        return try #require(reply.header("Location"))
    }

    private func state(of authorizationURL: String) throws -> String {
        let components = try #require(URLComponents(string: authorizationURL))
        return try #require(components.queryItems?.first { $0.name == "state" }?.value)
    }

    @Test func loginRedirectsToDoormanWithStateAndPKCE() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()

            let location = try startSignIn(browser)
            let items = URLComponents(string: location)?.queryItems ?? []

            #expect(location.hasPrefix(demo.doormanURL + "/oauth?"))
            #expect(items.first { $0.name == "code_challenge_method" }?.value == "S256")
            #expect(items.first { $0.name == "redirect_uri" }?.value == "http://127.0.0.1:8081/callback/whop")
            #expect(browser.cookies["demo_signin"] != nil)
            #expect(browser.cookies["demo_signin"] != (try state(of: location)))
        }
    }

    @Test func matchingStateSignsIn() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()
            let location = try startSignIn(browser)
            let code = try demo.code(for: location, user: demo.buyer)

            let callback = try browser.get(
                "/callback/whop?code=\(queryEncoded(code))&state=\(queryEncoded(try state(of: location)))")
            let members = try browser.get("/members")

            #expect(callback.status == 303)
            #expect(callback.header("Location") == "/members")
            #expect(browser.cookies["demo_signin"] == nil)
            #expect(members.status == 200)
            #expect(members.text.contains("<h1>Members only</h1>"))
        }
    }

    @Test func wrongStateShowsErrorPage() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()
            let location = try startSignIn(browser)
            let code = try demo.code(for: location, user: demo.buyer)

            let callback = try browser.get("/callback/whop?code=\(queryEncoded(code))&state=forged-state")
            let members = try browser.get("/members")

            #expect(callback.status == 400)
            #expect(callback.text.contains("Sign-in could not be verified"))
            #expect(browser.cookies["demo_session"] == nil)
            #expect(members.status == 303)
            #expect(members.header("Location") == "/")
        }
    }

    @Test func stateIsAcceptedOnce() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()
            let location = try startSignIn(browser)
            let state = try state(of: location)
            let signInCookie = try #require(browser.cookies["demo_signin"])
            let code = try demo.code(for: location, user: demo.buyer)
            _ = try browser.get("/callback/whop?code=\(queryEncoded(code))&state=\(queryEncoded(state))")

            // A second browser replays the first one's cookie, state and code.
            let attacker = demo.browser()
            attacker.setCookie("demo_signin", to: signInCookie)
            let replay = try attacker.get("/callback/whop?code=\(queryEncoded(code))&state=\(queryEncoded(state))")

            #expect(replay.status == 400)
            #expect(replay.text.contains("Sign-in could not be verified"))
            #expect(attacker.cookies["demo_session"] == nil)
        }
    }

    @Test func stateWithoutStartedSignInIsRejected() throws {
        try withLiveDemo { demo in
            let starter = demo.browser()
            let location = try startSignIn(starter)
            let code = try demo.code(for: location, user: demo.buyer)
            let other = demo.browser()

            let callback = try other.get(
                "/callback/whop?code=\(queryEncoded(code))&state=\(queryEncoded(try state(of: location)))")

            #expect(callback.status == 400)
            #expect(other.cookies["demo_session"] == nil)
        }
    }

    /// A code bound to a PKCE challenge cannot be passed off as a hub launch by dropping `state`, because the
    /// exchange then lacks the verifier.
    @Test func droppedStateFailsTheExchange() throws {
        try withLiveDemo { demo in
            let browser = demo.browser()
            let location = try startSignIn(browser)
            let code = try demo.code(for: location, user: demo.buyer)

            let callback = try browser.get("/callback/whop?code=\(queryEncoded(code))")
            let members = try browser.get("/members")

            #expect(callback.status == 400)
            #expect(callback.text.contains("Sign-in link expired"))
            #expect(members.status == 303)
            #expect(members.header("Location") == "/")
        }
    }
}
