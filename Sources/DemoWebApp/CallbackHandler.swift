import DoormanClient
import DoormanHTTP
import Logging

extension DemoWebApp {
    /// `GET /callback/whop`: finishes sign-in and redirects to `/members`, or shows why it failed.
    ///
    /// Two kinds of callback arrive here:
    /// - With `state`: the response to a sign-in started at `POST /login`. The `state` must equal the one kept
    ///   for this browser (RFC 6749 section 10.12), and the code is exchanged with that sign-in's PKCE verifier.
    ///   The kept sign-in is used up by the first callback that names it, whatever the outcome.
    /// - Without `state`: a launch from the hub, which sends only `?code=`. The code is exchanged without a
    ///   verifier. A sign-in pending in this browser is left alone, because the user may simply have gone to
    ///   the hub instead. A code that was issued for a sign-in with PKCE fails this exchange with
    ///   `invalid_grant`, so removing `state` from a real callback gains an attacker nothing.
    ///
    /// NOTE: a hub launch cannot be tied to the browser that clicked Open, so a page that sends a victim to
    /// this URL with the attacker's own launch code signs the victim in as the attacker. This is inherent to
    /// launches that start at the provider, and the page shows the signed-in name so the user can notice.
    func callback(_ request: Request) async -> Response {
        let query = request.query
        if let repeated = ["code", "state", "error"].first(where: query.isRepeated) {
            return callbackFailure(
                request, reason: "repeated_parameter", title: "Sign-in failed",
                message: "The callback URL repeats the parameter \(repeated). Start the sign-in again.")
        }

        // The pending sign-in is taken out before anything else, so a `state` is never accepted twice.
        let state = query.value("state")
        let pending = state == nil ? nil : SessionCookie.pending.id(in: request).flatMap(sessions.takeSignIn)
        var response = await finishSignIn(request, state: state, pending: pending)
        if state != nil {
            let clearing = SessionCookie.pending.clearing(secure: configuration.usesSecureCookies)
            response.headers.add(name: "Set-Cookie", value: clearing)
        }
        return response
    }

    private func finishSignIn(_ request: Request, state: String?, pending: PendingSignIn?) async -> Response {
        let query = request.query
        if let error = query.value("error") {
            return providerError(request, error: error, description: query.value("error_description"))
        }

        var codeVerifier: String?
        if let state {
            guard let pending, pending.request.matchesState(state) else {
                return callbackFailure(
                    request, reason: "state_mismatch", title: "Sign-in could not be verified",
                    message: "This sign-in response does not match a sign-in started in this browser, "
                        + "or that sign-in has expired. Start the sign-in again.")
            }
            codeVerifier = pending.request.codeVerifier
        }

        guard let code = query.value("code"), !code.isEmpty else {
            return callbackFailure(
                request, reason: "missing_code", title: "Sign-in failed",
                message: "The callback URL has no code. Open the web app from the Doorman hub, "
                    + "or sign in with the button below.")
        }
        return await exchange(request, code: code, codeVerifier: codeVerifier, source: state == nil ? "hub" : "app")
    }

    /// Exchanges `code`, reads the user, and starts a new session in place of any earlier one.
    private func exchange(_ request: Request, code: String, codeVerifier: String?, source: String) async -> Response {
        let signedIn: (tokens: TokenSet, user: User)
        do {
            let tokens = try await client.exchange(code: code, codeVerifier: codeVerifier)
            signedIn = (tokens, try await client.me(accessToken: tokens.accessToken))
        } catch {
            return clientFailure(request, error: error)
        }

        // A new id on every sign-in, so an id that someone planted in this browser before never gains access.
        if let earlier = SessionCookie.member.id(in: request) {
            sessions.signOut(earlier)
        }
        let id = sessions.signIn(user: signedIn.user, tokens: signedIn.tokens)
        logger.info(
            "sign_in.succeeded",
            metadata: [
                "request.id": "\(request.requestID)", "user.id": "\(signedIn.user.id)", "sign_in.source": "\(source)",
            ])

        // The redirect leaves a clean URL, so the code stays neither in the address bar nor in the history.
        var response = Self.redirect(to: DemoRoutes.membersPath)
        let cookie = SessionCookie.member.setting(
            id, lifetime: SessionStore.memberLifetime, secure: configuration.usesSecureCookies)
        response.headers.add(name: "Set-Cookie", value: cookie)
        return response
    }

    /// Returns the page for `?error=` from Doorman, such as `access_denied` when the user pressed Deny.
    private func providerError(_ request: Request, error: String, description: String?) -> Response {
        // Doorman answers `access_denied` both to a user without a valid membership and to one who pressed
        // Deny, and the two cannot be distinguished here, so the page offers the product and explains both.
        if error == "access_denied" {
            logger.notice(
                "sign_in.failed", metadata: ["request.id": "\(request.requestID)", "reason": "access_denied"])
            return DemoPages.accessDenied(
                productID: configuration.productID, productPageURL: configuration.productPageURL)
        }

        var message = "Doorman could not sign you in and returned the error \(error.prefix(64))"
        if let description, !description.isEmpty {
            message += ": \(description.prefix(200))"
        }
        return callbackFailure(request, reason: "provider_error", title: "Sign-in failed", message: message)
    }

    /// Returns the page for a failed exchange or `/v5/me` request.
    private func clientFailure(_ request: Request, error: DoormanClientError) -> Response {
        if error.kind == .invalidGrant {
            return callbackFailure(
                request, reason: "invalid_grant", title: "Sign-in link expired",
                message: "This sign-in link was already used or has expired. Open the web app from the Doorman "
                    + "hub again, or sign in with the button below.",
                error: error)
        }
        if error.kind == .invalidClient {
            return callbackFailure(
                request, reason: "invalid_client", title: "Web app misconfigured",
                message: "Doorman rejected this web app's client id or secret. The operator should check "
                    + "--client-id and --client-secret.",
                status: .badGateway, error: error)
        }
        return callbackFailure(
            request, reason: "provider_unavailable", title: "Doorman unavailable",
            message: "The web app could not complete the sign-in with Doorman at "
                + "\(configuration.doormanURL.absoluteString). Try again in a moment.",
            status: .badGateway, error: error)
    }

    /// Logs a failed callback without its code or state and returns the error page, which signs no one in.
    private func callbackFailure(
        _ request: Request, reason: String, title: String, message: String, status: HTTPStatus = .badRequest,
        error: DoormanClientError? = nil
    ) -> Response {
        var metadata: Logger.Metadata = ["request.id": "\(request.requestID)", "reason": "\(reason)"]
        if let error {
            metadata["error"] = "\(error)"
        }
        logger.notice("sign_in.failed", metadata: metadata)
        return DemoPages.error(title: title, message: message, status: status)
    }
}

extension HTTPStatus {
    /// 502 Bad Gateway: Doorman, the upstream server, failed or could not be reached.
    static let badGateway = HTTPStatus(code: 502, reasonPhrase: "Bad Gateway")
}
