import DoormanTestSupport
import Foundation
import Testing

/// The app's redirects go only to its own fixed paths and to Doorman's authorization endpoint, whatever the request
/// names, so the app is no open redirector (RFC 9700 section 4.11).
struct RedirectTests {
    /// Query parameters that redirectors commonly follow, each naming another site.
    static let foreignTargets = [
        "next", "return_to", "redirect", "redirect_uri", "url", "continue",
    ].map { "\($0)=\(queryEncoded("https://evil.example/steal"))" }.joined(separator: "&")

    @Test func callbackIgnoresRedirectParameters() throws {
        try withLiveDemo { demo in
            let code = try demo.launchCode(for: demo.buyer)

            let callback = try demo.browser().get("/callback/whop?code=\(queryEncoded(code))&\(Self.foreignTargets)")

            #expect(callback.status == 303)
            #expect(callback.header("Location") == "/members")
        }
    }

    @Test func loginGoesOnlyToDoorman() throws {
        try withLiveDemo { demo in
            let login = try demo.browser().post("/login?\(Self.foreignTargets)")
            let location = try #require(login.header("Location"))
            let items = URLComponents(string: location)?.queryItems ?? []

            #expect(login.status == 303)
            #expect(location.hasPrefix(demo.doormanURL + "/oauth?"))
            #expect(items.first { $0.name == "redirect_uri" }?.value == "http://127.0.0.1:8081/callback/whop")
            #expect(!location.contains("evil.example"))
        }
    }

    @Test(arguments: ["/", "/members"])
    func pagesIgnoreRedirectParameters(path: String) throws {
        try withLiveDemo { demo in
            let signedOut = try demo.browser().get("\(path)?\(Self.foreignTargets)")
            let location = signedOut.header("Location")

            // The start page is shown in place, and the members page sends a signed-out browser to it.
            #expect(location == nil || location == "/")
        }
    }

    @Test func logoutGoesHome() throws {
        try withLiveDemo { demo in
            let logout = try demo.browser().post("/logout?\(Self.foreignTargets)")

            #expect(logout.status == 303)
            #expect(logout.header("Location") == "/")
        }
    }
}
