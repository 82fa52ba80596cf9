/// The result of validating an authorization request.
public enum AuthorizeOutcome: Sendable, Hashable {
    /// Show the error to the user on a page and do not redirect, because the client or its redirect URI
    /// could not be verified (RFC 6749 section 4.1.2.1).
    case showError(OAuthError)
    /// Redirect the browser to the verified `redirectURI` with the error and the request's `state`.
    /// `AuthorizationResponse.location(redirectURI:error:state:)` builds the URL.
    case redirectError(redirectURI: String, error: OAuthError, state: String?)
    /// The request is valid: sign the user in, ask for consent, then issue a code.
    case proceed(ValidatedAuthorization)
}

/// An authorization request that passed every rule, with what issuing a code needs.
public struct ValidatedAuthorization: Sendable, Hashable {
    /// The client that asked.
    public let client: WebApp
    /// The registered redirect URI that matched, the one to send the browser to.
    public let redirectURI: String
    /// The `redirect_uri` exactly as sent, or nil when the request had none. The code stores it so the
    /// token request can be checked against it.
    public let requestedRedirectURI: String?
    /// The scope requested, `api` when none was.
    public let scope: Scope
    /// `state`, or nil when absent. It must come back unchanged on every redirect.
    public let state: String?
    /// `code_challenge`, or nil when absent.
    public let codeChallenge: String?
    /// The PKCE method of `codeChallenge`, or nil when there is no challenge.
    public let codeChallengeMethod: PKCE.Method?

    /// Creates a validated authorization. `AuthorizeRequest.validate` is the usual source.
    public init(
        client: WebApp, redirectURI: String, requestedRedirectURI: String?, scope: Scope, state: String?,
        codeChallenge: String?, codeChallengeMethod: PKCE.Method?
    ) {
        self.client = client
        self.redirectURI = redirectURI
        self.requestedRedirectURI = requestedRedirectURI
        self.scope = scope
        self.state = state
        self.codeChallenge = codeChallenge
        self.codeChallengeMethod = codeChallengeMethod
    }

    /// Returns the redirect URL that sends `code` and `state` to the client.
    public func location(code: String) -> String {
        AuthorizationResponse.location(redirectURI: redirectURI, code: code, state: state)
    }

    /// Returns the redirect URL that sends `error` and `state` to the client, for example `access_denied`
    /// after the user declined consent. `error` must be redirectable.
    public func location(error: OAuthError) -> String {
        AuthorizationResponse.location(redirectURI: redirectURI, error: error, state: state)
    }
}

/// The redirect URLs of authorization responses (RFC 6749 sections 4.1.2 and 4.1.2.1).
public enum AuthorizationResponse {
    /// Returns `redirectURI` with `code`, and `state` when present, added to its query.
    ///
    /// A launch from the hub passes a nil `state`, so the URL carries only the code.
    public static func location(redirectURI: String, code: String, state: String?) -> String {
        var parameters = [(name: "code", value: code)]
        if let state {
            parameters.append(("state", state))
        }
        return RedirectURI.appendingQuery(to: redirectURI, parameters: parameters)
    }

    /// Returns `redirectURI` with `error`, `error_description`, and `state` when present, added to its query.
    ///
    /// `error` must be redirectable, and `redirectURI` verified: passing anything else is a programming error.
    public static func location(redirectURI: String, error: OAuthError, state: String?) -> String {
        precondition(error.isRedirectable, "\(error.code.rawValue) must be shown on a page, not redirected")

        var parameters = [(name: "error", value: error.code.rawValue), ("error_description", error.description)]
        if let state {
            parameters.append(("state", state))
        }
        return RedirectURI.appendingQuery(to: redirectURI, parameters: parameters)
    }
}
