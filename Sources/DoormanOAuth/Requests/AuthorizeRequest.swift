/// An authorization request (`GET /oauth/authorize`) and the rules that validate it.
public struct AuthorizeRequest: Sendable {
    private let parameters: ParameterList

    /// Parameter names of the authorization endpoint. Any other parameter is ignored (RFC 6749 section 3.1).
    static let knownParameters: Set<String> = [
        "client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge", "code_challenge_method",
    ]

    /// Collects the parameters of the query, in order. Empty values count as absent.
    public init(parameters: [(name: String, value: String)]) {
        self.parameters = ParameterList(parameters, known: Self.knownParameters)
    }

    /// The `client_id` to look up, or nil when it is absent or sent more than once.
    public var clientID: String? {
        parameters["client_id"]
    }

    /// Validates a request whose client is found by `lookupClient`, which is called at most once,
    /// with the `client_id`, and only when one is present. Errors that `lookupClient` throws pass through.
    public static func validate<Failure: Error>(
        parameters: [(name: String, value: String)], lookupClient: (String) throws(Failure) -> WebApp?,
        allowPlainPKCE: Bool
    ) throws(Failure) -> AuthorizeOutcome {
        let request = AuthorizeRequest(parameters: parameters)
        let client = try request.clientID.flatMap { (clientID) throws(Failure) in try lookupClient(clientID) }
        return request.validate(client: client, allowPlainPKCE: allowPlainPKCE)
    }

    /// Applies the authorization endpoint's rules in order and returns the first failure or the result.
    ///
    /// - Parameters:
    ///   - client: The web app whose `clientID` is `clientID`, or nil when there is none.
    ///   - allowPlainPKCE: Whether `code_challenge_method=plain` is accepted. RFC 7636 section 7.2
    ///     discourages it, and an absent method means `plain`, so with false a challenge needs `S256`.
    ///
    /// Until the client and the redirect URI are verified, errors are shown on a page and never
    /// redirected (RFC 6749 sections 3.1.2.4 and 4.1.2.1):
    /// 1. `client_id` or `redirect_uri` sent twice: `invalid_request`.
    /// 2. `client_id` missing: `Missing required parameter: client_id.`
    /// 3. Unknown client: `invalid_client`.
    /// 4. `redirect_uri` not registered, or absent while several are registered: `invalid_redirect_uri`.
    ///
    /// After that, errors go to the verified redirect URI with `state` when it was sent once:
    /// 5. Another parameter sent twice: `invalid_request`.
    /// 6. `response_type` other than `code`: `unsupported_response_type`. Absent means `code`.
    /// 7. Unknown or malformed `scope`: `invalid_scope`.
    /// 8. `code_challenge_method` without `code_challenge`: `Missing required parameter: code_challenge.`
    /// 9. A method other than `S256`, or `plain` when not allowed: `invalid_request` (RFC 7636 section 4.4.1).
    /// 10. A challenge the method could not produce: `invalid_request`.
    /// 11. No challenge from a client that needs PKCE: `Missing required parameter: code_challenge.`
    public func validate(client: WebApp?, allowPlainPKCE: Bool) -> AuthorizeOutcome {
        let verifiedClient: WebApp
        let redirectURI: String
        switch verifyClientAndRedirectURI(client) {
        case .success(let verified):
            (verifiedClient, redirectURI) = verified
        case .failure(let error):
            return .showError(error)
        }

        let state = parameters["state"]
        do {
            try rejectDuplicates()
            try checkResponseType()
            let scope = try Scope.parse(parameters["scope"])
            let (challenge, method) = try checkProofKey(client: verifiedClient, allowPlain: allowPlainPKCE)
            return .proceed(
                ValidatedAuthorization(
                    client: verifiedClient, redirectURI: redirectURI, requestedRedirectURI: parameters["redirect_uri"],
                    scope: scope, state: state, codeChallenge: challenge, codeChallengeMethod: method))
        } catch {
            return .redirectError(redirectURI: redirectURI, error: error, state: state)
        }
    }
}

extension AuthorizeRequest {
    private func verifyClientAndRedirectURI(_ client: WebApp?) -> Result<(WebApp, String), OAuthError> {
        if let name = ["client_id", "redirect_uri"].first(where: parameters.duplicatedNames.contains) {
            return .failure(OAuthError(.invalidRequest, debugCause: "\(name) sent more than once"))
        }
        guard let clientID else {
            return .failure(OAuthError.missingParameter("client_id"))
        }
        guard let client, client.clientID.utf8.elementsEqual(clientID.utf8) else {
            return .failure(OAuthError(.invalidClient, debugCause: "unknown client_id"))
        }

        return RedirectURI.resolve(requested: parameters["redirect_uri"], registered: client.redirectURIs)
            .map { (client, $0) }
    }

    private func rejectDuplicates() throws(OAuthError) {
        if let name = parameters.duplicatedNames.sorted().first {
            throw OAuthError(.invalidRequest, debugCause: "\(name) sent more than once")
        }
    }

    private func checkResponseType() throws(OAuthError) {
        let responseType = parameters["response_type"] ?? "code"
        guard responseType == "code" else {
            throw OAuthError(
                .unsupportedResponseType,
                debugCause: "response_type \(boundedExcerpt(responseType, maximumScalars: 100))")
        }
    }

    private func checkProofKey(
        client: WebApp, allowPlain: Bool
    ) throws(OAuthError) -> (challenge: String?, method: PKCE.Method?) {
        let methodValue = parameters["code_challenge_method"]
        guard let challenge = parameters["code_challenge"] else {
            if methodValue != nil {
                throw OAuthError.missingParameter("code_challenge", debugCause: "code_challenge_method without it")
            }
            if client.needsPKCE {
                throw OAuthError.missingParameter("code_challenge", debugCause: "client \(client.clientID) needs PKCE")
            }
            return (nil, nil)
        }

        // RFC 7636 section 4.3: an absent method means plain.
        guard let method = PKCE.Method(rawValue: methodValue ?? "plain"), method == .s256 || allowPlain else {
            throw OAuthError(
                .invalidRequest,
                debugCause: "unsupported code_challenge_method \(String(reflecting: methodValue ?? "(absent, plain)"))")
        }
        guard PKCE.isValidChallenge(challenge, method: method) else {
            throw OAuthError(.invalidRequest, debugCause: "code_challenge is not a valid \(method.rawValue) challenge")
        }
        return (challenge, method)
    }
}
