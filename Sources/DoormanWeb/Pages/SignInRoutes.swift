import DoormanHTTP
import DoormanOAuth
import Logging

/// The sign-in and sign-out pages.
struct SignInRoutes: Sendable {
    let context: WebContext
    let sessions: SessionManager
    let passwords: PasswordCheck

    /// Maximum length of a logged username, because a failed sign-in logs whatever was typed.
    private static let maximumLoggedUsernameLength = 64

    /// `GET /login`: the sign-in form, or straight on to `return_to` for a user who is signed in already.
    func showForm(_ request: Request) throws -> Response {
        let returnTo = ReturnPath.sanitize(request.query.value("return_to"))
        let (session, setCookie) = try sessions.currentOrNew(request)
        if session.user != nil {
            return PageResponse.redirect(to: returnTo, status: .found)
        }

        var response = PageResponse.page(SignInPage.render(csrfToken: session.csrfToken, returnTo: returnTo))
        if let setCookie {
            response.headers.add(name: "Set-Cookie", value: setCookie)
        }
        return response
    }

    /// `POST /login`: checks the rate limits, then the password, starts a new session and redirects to `return_to`
    /// with 303. An attempt over a limit gets a 429 page without its password being checked.
    func submit(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let session = try CSRF.verify(form, request: request, sessions: sessions)
        let returnTo = ReturnPath.sanitize(form.value("return_to"))
        let username = form.value("username") ?? ""

        let throttle = SignInThrottle(context: context)
        if case .limited(let retryAfter) = try throttle.admit(username: username, address: request.clientAddress) {
            logSignIn(succeeded: false, request: request, metadata: ["reason": "rate_limited"])
            throw RateLimited(retryAfter: retryAfter)
        }

        switch try passwords.check(username: username, password: form.value("password") ?? "") {
        case .succeeded(let user):
            try throttle.recordSuccess(username: username)
            let (_, setCookie) = try sessions.signIn(user, replacing: session)
            logSignIn(succeeded: true, request: request, metadata: ["user.id": "\(user.id)"])
            var response = PageResponse.redirect(to: returnTo, status: .seeOther)
            response.headers.add(name: "Set-Cookie", value: setCookie)
            return response
        case .wrongPassword(let user):
            try throttle.recordFailure(username: username)
            logSignIn(
                succeeded: false, request: request, metadata: ["user.id": "\(user.id)", "reason": "wrong_password"])
        case .unknownUser:
            try throttle.recordFailure(username: username)
            let logged = String(username.prefix(Self.maximumLoggedUsernameLength))
            logSignIn(
                succeeded: false, request: request, metadata: ["user.username": "\(logged)", "reason": "unknown_user"])
        }

        let page = SignInPage.render(
            csrfToken: session.csrfToken, returnTo: returnTo, username: username, failed: true)
        return PageResponse.page(page)
    }

    /// `POST /logout`: deletes the session, clears the cookie and redirects to `/` with 303.
    func signOut(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let session = try CSRF.verify(form, request: request, sessions: sessions)
        let clearCookie = try sessions.signOut(session)
        if let user = session.user {
            context.logger.audit(
                .sessionEnded,
                metadata: ["user.id": "\(user.id)", "request.id": "\(request.requestID)", "reason": "sign_out"])
        }

        var response = PageResponse.redirect(to: ReturnPath.fallback, status: .seeOther)
        response.headers.add(name: "Set-Cookie", value: clearCookie)
        return response
    }

    private func logSignIn(succeeded: Bool, request: Request, metadata: Logger.Metadata) {
        var metadata = metadata
        metadata["request.id"] = "\(request.requestID)"
        metadata["client.address"] = "\(request.clientAddress)"
        if succeeded {
            context.logger.audit(.signInSucceeded, metadata: metadata)
        } else {
            context.logger.audit(.signInFailed, level: .notice, metadata: metadata)
        }
    }
}
