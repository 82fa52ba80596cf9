import DoormanClient
import DoormanHTTP
import Foundation
import Logging

/// The paths of the demo web app.
public enum DemoRoutes {
    /// The OAuth callback, which Doorman's hub and authorize page redirect to with `?code=`.
    public static let callbackPath = "/callback/whop"
    /// The members-only page.
    public static let membersPath = "/members"
}

/// A small site that signs its users in through Doorman with the `DoormanClient` SDK and shows a page only
/// to members of one product.
///
/// Routes:
/// - `GET /`: a "Sign in with Doorman" button, or a redirect to `/members` for a signed-in user.
/// - `POST /login`: starts sign-in with `state` and PKCE and redirects to Doorman's authorize page.
/// - `GET /callback/whop`: exchanges the code, reads the user, starts a session and redirects to `/members`.
/// - `GET /members`: the members-only page, or "Purchase required" without a valid membership.
/// - `POST /logout`: ends the session.
/// - `GET /assets/demo.css` and `GET /healthz`.
public struct DemoWebApp: Sendable {
    /// The settings the app was created with.
    public let configuration: DemoConfiguration
    let client: OAuthClient
    let sessions: SessionStore
    let logger: Logger

    /// Creates the app. `transport` defaults to the SDK's `URLSessionTransport`.
    public init(configuration: DemoConfiguration, logger: Logger, transport: (any HTTPTransport)? = nil) {
        let oauth = OAuthConfiguration(
            clientID: configuration.clientID, clientSecret: configuration.clientSecret,
            redirectURI: configuration.redirectURI, endpoints: .doorman(baseURL: configuration.doormanURL),
            requestTimeout: .seconds(15))
        self.configuration = configuration
        self.client =
            transport.map { OAuthClient(configuration: oauth, transport: $0) } ?? OAuthClient(configuration: oauth)
        self.sessions = SessionStore()
        self.logger = logger
    }

    /// Builds the router with every route and the security header fields on every response.
    public func makeRouter() -> Router {
        var router = Router()
        router.use(SecurityHeaders())
        router.get("/") { request in home(request) }
        router.post("/login") { request in startSignIn(request) }
        router.addAsync(.get, DemoRoutes.callbackPath) { request in await callback(request) }
        router.addAsync(.get, DemoRoutes.membersPath) { request in await members(request) }
        router.post("/logout") { request in signOut(request) }
        router.get(Stylesheet.path) { _ in Stylesheet.response() }
        router.get("/healthz") { _ in Response(contentType: "text/plain; charset=utf-8", text: "ok\n") }
        return router
    }

    /// Returns a redirect with status 303, which makes the browser follow it with `GET`.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: ["Location": location])
    }
}

/// Adds `DemoPages.securityFields` to every response, and `Cache-Control: no-store` to every response that
/// sets no caching of its own, because redirects may carry cookies and pages carry personal data.
struct SecurityHeaders: Middleware {
    func finish(_ request: Request, _ response: inout Response) {
        for field in DemoPages.securityFields {
            response.headers.replaceOrAdd(name: field.name, value: field.value)
        }
        if !response.headers.contains("Cache-Control") {
            response.headers.add(name: "Cache-Control", value: "no-store")
        }
    }
}
