import DoormanHTTP
import DoormanOAuth
import Logging

extension AuthorizeRoutes {
    /// Validates authorization parameters against the stored client and logs a rejection.
    func validate(_ parameters: [(name: String, value: String)], request: Request) throws(StoreError)
        -> AuthorizeOutcome
    {
        let outcome = try AuthorizeRequest.validate(
            parameters: parameters,
            lookupClient: { (clientID) throws(StoreError) in try context.store.webApp(clientID: clientID) },
            allowPlainPKCE: context.settings.allowPlainPKCE)

        switch outcome {
        case .showError(let error), .redirectError(_, let error, _):
            context.logger.audit(
                .authorizationRejected,
                metadata: [
                    "request.id": "\(request.requestID)", "oauth.error": "\(error.code.rawValue)",
                    "error": "\(error.debugCause ?? error.description)",
                ])
        case .proceed:
            break
        }
        return outcome
    }

    /// Returns whether `user` has a valid membership of a product that `client` serves.
    ///
    /// This is the proof of purchase: a user without one is refused with `access_denied` at the client's
    /// callback, so the web app can offer its product instead of a dead end on Doorman's side.
    func userMayUse(_ client: WebApp, user: User) throws(StoreError) -> Bool {
        let memberships = try context.store.memberships(userID: user.id)
        return Access.userMayUse(webApp: client, memberships: memberships, at: context.now())
    }

    /// Stores the user's consent to the requested scope, added to any scope the user approved before.
    func saveConsent(_ authorization: ValidatedAuthorization, user: User, request: Request) throws(StoreError) {
        let clientID = authorization.client.clientID
        var tokens = authorization.scope.tokens
        if let previous = try context.store.consent(userID: user.id, clientID: clientID) {
            tokens.formUnion(previous.scope.tokens)
        }
        let scope = Scope(tokens: tokens) ?? authorization.scope
        try context.store.saveConsent(
            Consent(userID: user.id, clientID: clientID, scope: scope, grantedAt: context.now()))

        context.logger.audit(
            .consentGranted,
            metadata: [
                "request.id": "\(request.requestID)", "oauth.client_id": "\(clientID)", "user.id": "\(user.id)",
                "oauth.scope": "\(scope)",
            ])
    }

    /// Issues and stores a code and redirects to the client's callback with it and the request's `state`.
    func issueCode(
        _ authorization: ValidatedAuthorization, user: User, request: Request, status: HTTPStatus
    ) throws(StoreError) -> Response {
        let issued = context.issuer.issueCode(for: authorization, userID: user.id, at: context.now())
        try context.store.saveAuthorizationCode(issued.record)

        context.logger.audit(
            .authorizationCodeIssued,
            metadata: [
                "request.id": "\(request.requestID)", "oauth.client_id": "\(authorization.client.clientID)",
                "user.id": "\(user.id)",
            ])
        return PageResponse.redirect(to: authorization.location(code: issued.code), status: status)
    }

    /// Redirects to the client's callback with `access_denied` and the request's `state`.
    func deny(
        _ authorization: ValidatedAuthorization, user: User, reason: String, request: Request, status: HTTPStatus
    ) -> Response {
        context.logger.audit(
            .authorizationDenied,
            metadata: [
                "request.id": "\(request.requestID)", "oauth.client_id": "\(authorization.client.clientID)",
                "user.id": "\(user.id)", "reason": "\(reason)",
            ])
        let location = authorization.location(error: OAuthError(.accessDenied, debugCause: reason))
        return PageResponse.redirect(to: location, status: status)
    }

    /// Redirects to the sign-in form, which comes back to `returnTo` afterwards.
    func signInRedirect(returnTo: String, status: HTTPStatus) -> Response {
        let query = URLEncodedForm([URLEncodedForm.Pair(name: "return_to", value: returnTo)]).serialized()
        return PageResponse.redirect(to: "/login?" + query, status: status)
    }

    /// Returns the request's path and query exactly as sent, such as `/oauth?client_id=app_1`.
    static func pathAndQuery(of request: Request) -> String {
        request.rawQuery.isEmpty ? request.path : request.path + "?" + request.rawQuery
    }
}

extension ValidatedAuthorization {
    /// The parameters that reproduce this request, for the consent form's hidden fields.
    ///
    /// Absent values stay absent, so validating them again gives the same result.
    var formParameters: [URLEncodedForm.Pair] {
        var pairs = [
            URLEncodedForm.Pair(name: "client_id", value: client.clientID),
            URLEncodedForm.Pair(name: "response_type", value: "code"),
        ]
        if let requestedRedirectURI {
            pairs.append(URLEncodedForm.Pair(name: "redirect_uri", value: requestedRedirectURI))
        }
        pairs.append(URLEncodedForm.Pair(name: "scope", value: scope.description))
        if let state {
            pairs.append(URLEncodedForm.Pair(name: "state", value: state))
        }
        if let codeChallenge, let codeChallengeMethod {
            pairs.append(URLEncodedForm.Pair(name: "code_challenge", value: codeChallenge))
            pairs.append(URLEncodedForm.Pair(name: "code_challenge_method", value: codeChallengeMethod.rawValue))
        }
        return pairs
    }
}
