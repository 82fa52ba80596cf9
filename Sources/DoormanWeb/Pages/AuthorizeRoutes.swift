import DoormanHTTP
import DoormanOAuth
import Logging

/// The authorization endpoint: `GET /oauth` and `GET /oauth/authorize` start it, and the consent form's
/// `POST /oauth/authorize` finishes it.
struct AuthorizeRoutes: Sendable {
    /// The consent form's choices, sent as the value of its `decision` button.
    enum Decision: String {
        case allow
        case deny
    }

    /// Path of the endpoint and of the consent form's target.
    static let path = "/oauth/authorize"

    let context: WebContext
    let sessions: SessionManager

    /// `GET /oauth` and `GET /oauth/authorize`: validates the request, then sends the browser to sign in,
    /// shows the consent page, or redirects with a code. Redirects use 302 because they answer a GET.
    ///
    /// Only errors about the client or its redirect URI are shown at once. Every redirect to the client,
    /// error redirects included, waits until the user has signed in, so that a link to Doorman cannot bounce
    /// a visitor straight to a seller's site (RFC 9700 section 4.11.2). A client address over its limit gets a
    /// 429 page first.
    func show(_ request: Request) throws -> Response {
        try checkRateLimit(request)
        let parameters = request.query.pairs.map { (name: $0.name, value: $0.value) }
        let outcome = try validate(parameters, request: request)
        if case .showError(let error) = outcome {
            return AuthorizeErrorPage.response(for: error)
        }
        guard let session = try sessions.current(request), let user = session.user else {
            return signInRedirect(returnTo: Self.pathAndQuery(of: request), status: .found)
        }

        switch outcome {
        case .showError(let error):
            return AuthorizeErrorPage.response(for: error)
        case .redirectError(let redirectURI, let error, let state):
            let location = AuthorizationResponse.location(redirectURI: redirectURI, error: error, state: state)
            return PageResponse.redirect(to: location, status: .found)
        case .proceed(let authorization):
            return try proceed(authorization, user: user, session: session, request: request)
        }
    }

    /// `POST /oauth/authorize`: checks the CSRF token, validates the carried parameters again, because hidden
    /// fields are as untrusted as any input, and applies the user's choice. Redirects use 303, so the browser
    /// fetches the web app's callback with GET and never re-sends the form (RFC 9700 section 4.12).
    ///
    /// A session without a user cannot have received a consent page, so its POST is rejected like a
    /// forged one.
    func decide(_ request: Request) throws -> Response {
        try checkRateLimit(request)
        let form = try PageForm.parse(request)
        let session = try CSRF.verify(form, request: request, sessions: sessions)
        guard let user = session.user else {
            throw PageError.formExpired
        }

        let authorization: ValidatedAuthorization
        switch try validate(form.pairs.map { (name: $0.name, value: $0.value) }, request: request) {
        case .showError(let error):
            return AuthorizeErrorPage.response(for: error)
        case .redirectError(let redirectURI, let error, let state):
            let location = AuthorizationResponse.location(redirectURI: redirectURI, error: error, state: state)
            return PageResponse.redirect(to: location, status: .seeOther)
        case .proceed(let validated):
            authorization = validated
        }

        let decisions = form.values("decision")
        guard decisions.count == 1, let decision = Decision(rawValue: decisions[0]) else {
            throw PageError.missingDecision
        }

        switch decision {
        case .deny:
            return deny(authorization, user: user, reason: "user_denied", request: request, status: .seeOther)
        case .allow:
            guard try userMayUse(authorization.client, user: user) else {
                return deny(authorization, user: user, reason: "no_membership", request: request, status: .seeOther)
            }
            try saveConsent(authorization, user: user, request: request)
            return try issueCode(authorization, user: user, request: request, status: .seeOther)
        }
    }

    /// Throws `RateLimited` when the client address is over the authorization endpoint's limit.
    private func checkRateLimit(_ request: Request) throws {
        guard let rule = context.settings.rateLimits.authorizePerAddress else {
            return
        }
        let key = RateLimitKey.authorizeAddress(RateLimitAddress.group(request.clientAddress))
        let verdict = try context.rateLimiter.check(rule, key: key, name: "authorize.address", at: context.now())
        if case .limited(let retryAfter) = verdict {
            throw RateLimited(retryAfter: retryAfter)
        }
    }

    /// Continues a valid request from a signed-in user: checks the purchase, then issues a code at once when a
    /// stored consent covers the scope, or shows the consent page.
    private func proceed(
        _ authorization: ValidatedAuthorization, user: User, session: PageSession, request: Request
    ) throws -> Response {
        guard try userMayUse(authorization.client, user: user) else {
            return deny(authorization, user: user, reason: "no_membership", request: request, status: .found)
        }

        let client = authorization.client
        if let consent = try context.store.consent(userID: user.id, clientID: client.clientID),
            consent.covers(authorization.scope, userID: user.id, clientID: client.clientID)
        {
            return try issueCode(authorization, user: user, request: request, status: .found)
        }

        let company = try context.store.company(id: client.companyID)
        let page = ConsentPage.render(
            authorization, username: user.username, companyName: company?.name, csrfToken: session.csrfToken)
        return PageResponse.page(page)
    }
}
