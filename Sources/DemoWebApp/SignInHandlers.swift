import DoormanHTTP
import Logging

extension DemoWebApp {
    /// `GET /`: the start page, or on to `/members` for a signed-in user.
    func home(_ request: Request) -> Response {
        if let id = SessionCookie.member.id(in: request), sessions.member(id) != nil {
            return Self.redirect(to: DemoRoutes.membersPath)
        }
        return DemoPages.home()
    }

    /// `POST /login`: keeps a new authorization request server-side and sends the browser to Doorman with it.
    func startSignIn(_ request: Request) -> Response {
        if let rejection = rejectForeignOrigin(request) {
            return rejection
        }
        if let id = SessionCookie.member.id(in: request), sessions.member(id) != nil {
            return Self.redirect(to: DemoRoutes.membersPath)
        }

        // A sign-in started earlier in this browser is replaced, so only the newest `state` is accepted.
        if let earlier = SessionCookie.pending.id(in: request) {
            _ = sessions.takeSignIn(earlier)
        }
        let authorization = client.makeAuthorizationRequest()
        let id = sessions.startSignIn(authorization)

        var response = Self.redirect(to: authorization.url.absoluteString)
        response.headers.add(
            name: "Set-Cookie",
            value: SessionCookie.pending.setting(
                id, lifetime: SessionStore.pendingLifetime, secure: configuration.usesSecureCookies))
        return response
    }

    /// `POST /logout`: ends the session in this app and deletes both cookies. The Doorman session stays.
    func signOut(_ request: Request) -> Response {
        if let rejection = rejectForeignOrigin(request) {
            return rejection
        }
        if let id = SessionCookie.member.id(in: request) {
            sessions.signOut(id)
        }

        var response = Self.redirect(to: "/")
        let secure = configuration.usesSecureCookies
        response.headers.add(name: "Set-Cookie", value: SessionCookie.member.clearing(secure: secure))
        response.headers.add(name: "Set-Cookie", value: SessionCookie.pending.clearing(secure: secure))
        return response
    }

    /// Returns an error page for a form posted from another site, or nil when the request may proceed.
    ///
    /// Browsers send `Sec-Fetch-Site` with every request, and a form on this origin is `same-origin`. Without that
    /// header, an `Origin` other than this app's rejects the form. `Origin` alone is not enough, because pages sent
    /// with `Referrer-Policy: no-referrer`, as this app's are, post with `Origin: null`. The `SameSite=Lax` cookies
    /// already keep a cross-site form signed out, and this check also stops forms on other sites and on other
    /// ports of this host from starting sign-ins or signing the user out. A request with neither header comes
    /// from a non-browser client, which can send any header anyway, so it passes.
    func rejectForeignOrigin(_ request: Request) -> Response? {
        let fetchSite = request.headers["Sec-Fetch-Site"]
        let origin = request.headers["Origin"]
        guard !isFromThisOrigin(fetchSite: fetchSite, origin: origin) else {
            return nil
        }

        logger.notice(
            "form.rejected",
            metadata: [
                "request.id": "\(request.requestID)", "http.origin": "\(origin?.prefix(100) ?? "none")",
                "http.sec_fetch_site": "\(fetchSite?.prefix(20) ?? "none")", "reason": "foreign_origin",
            ])
        return DemoPages.error(
            title: "Form from another site",
            message: "This form was sent from another site (\((origin ?? "no origin").prefix(100))), not from "
                + "\(configuration.publicOrigin). Open the web app at \(configuration.publicOrigin) and try again.",
            status: .forbidden)
    }

    private func isFromThisOrigin(fetchSite: String?, origin: String?) -> Bool {
        if let fetchSite {
            return fetchSite == "same-origin" || fetchSite == "none"
        }
        guard let origin, origin != "null" else {
            return true
        }
        return origin.utf8.elementsEqual(configuration.publicOrigin.utf8)
    }
}
