/// A token endpoint request (`POST /v5/oauth/token`) after its syntax rules have passed.
public struct TokenRequest: Sendable, Hashable {
    /// The parameters of an `authorization_code` grant (RFC 6749 section 4.1.3).
    public struct AuthorizationCodeGrant: Sendable, Hashable {
        /// `code`: the authorization code as the client received it.
        public let code: String
        /// `redirect_uri`, or nil when absent.
        public let redirectURI: String?
        /// `code_verifier`, or nil when absent. Its syntax is checked when the code is redeemed.
        public let codeVerifier: String?

        /// Creates the parameters of an `authorization_code` grant.
        public init(code: String, redirectURI: String? = nil, codeVerifier: String? = nil) {
            self.code = code
            self.redirectURI = redirectURI
            self.codeVerifier = codeVerifier
        }
    }

    /// The parameters of a `refresh_token` grant (RFC 6749 section 6).
    public struct RefreshTokenGrant: Sendable, Hashable {
        /// `refresh_token`: the refresh token as the client received it.
        public let refreshToken: String
        /// `scope`, or nil when absent, which requests the scope of the original grant.
        public let scope: Scope?

        /// Creates the parameters of a `refresh_token` grant.
        public init(refreshToken: String, scope: Scope? = nil) {
            self.refreshToken = refreshToken
            self.scope = scope
        }
    }

    /// The grant requested by `grant_type`.
    public enum Grant: Sendable, Hashable {
        /// `authorization_code`, also used when `grant_type` is absent.
        case authorizationCode(AuthorizationCodeGrant)
        /// `refresh_token`.
        case refreshToken(RefreshTokenGrant)
    }

    /// A client authentication method, named as in RFC 8414 metadata.
    public typealias AuthenticationMethod = ClientAuthenticationMethod

    /// The grant and its parameters.
    public let grant: Grant
    /// The `client_id`, from HTTP Basic or from the body.
    public let clientID: String
    /// The `client_secret`, or nil when the client sent none.
    public let clientSecret: String?
    /// The authentication method the client used.
    public let authenticationMethod: AuthenticationMethod

    /// Parameter names of the token endpoint. Any other parameter is ignored.
    static let knownParameters: Set<String> = [
        "grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "scope", "client_id", "client_secret",
    ]
}

extension TokenRequest {
    /// Applies the token endpoint's request rules in order and returns the request, or throws the first failure.
    ///
    /// - Parameters:
    ///   - parameters: The body parameters in order, decoded from JSON or form encoding.
    ///   - basicCredentials: The user name and password of an `Authorization: Basic` header after Base64
    ///     decoding and splitting at the first colon, still form-urlencoded: this function decodes them
    ///     (RFC 6749 section 2.3.1). Nil when the request has no Basic header.
    ///   - queryParameterNames: The names in the URL query, only to reject credentials sent there.
    ///
    /// The rules, in order:
    /// 1. `client_id` or `client_secret` in the URL query: `invalid_request` (RFC 6749 section 2.3.1).
    /// 2. A body parameter sent twice: `invalid_request` (RFC 6749 section 3.2). Empty values count as absent.
    /// 3. Basic credentials that do not decode, or have an empty user name: `invalid_client`.
    /// 4. Basic together with a body `client_secret`, or with a different body `client_id`: `invalid_request`,
    ///    because a client must use one authentication method (RFC 6749 section 2.3).
    /// 5. `grant_type` absent means `authorization_code`. Other than that and `refresh_token`:
    ///    `unsupported_grant_type`.
    /// 6. Missing `code` or `refresh_token`: `Missing required parameter: <name>.`
    /// 7. A malformed or unknown `scope` on a refresh: `invalid_scope`.
    /// 8. No client identifier at all: `invalid_client`.
    public static func parse(
        parameters: [(name: String, value: String)], basicCredentials: (id: String, secret: String)?,
        queryParameterNames: [String]
    ) throws(OAuthError) -> TokenRequest {
        let body = ParameterList(parameters, known: knownParameters)
        let basic = try ClientCredentials.checkRequest(
            body: body, basicCredentials: basicCredentials, queryParameterNames: queryParameterNames)

        let grant = try parseGrant(body)
        let credentials = try ClientCredentials.identify(basic: basic, body: body)
        return TokenRequest(
            grant: grant, clientID: credentials.clientID, clientSecret: credentials.clientSecret,
            authenticationMethod: credentials.authenticationMethod)
    }

    private static func parseGrant(_ body: ParameterList) throws(OAuthError) -> Grant {
        switch body["grant_type"] ?? "authorization_code" {
        case "authorization_code":
            guard let code = body["code"] else {
                throw OAuthError.missingParameter("code")
            }
            return .authorizationCode(
                AuthorizationCodeGrant(
                    code: code, redirectURI: body["redirect_uri"], codeVerifier: body["code_verifier"]))
        case "refresh_token":
            guard let refreshToken = body["refresh_token"] else {
                throw OAuthError.missingParameter("refresh_token")
            }
            let scope = try body["scope"].map { (value) throws(OAuthError) in try Scope.parse(value) }
            return .refreshToken(RefreshTokenGrant(refreshToken: refreshToken, scope: scope))
        case let other:
            throw OAuthError(
                .unsupportedGrantType, debugCause: "grant_type \(boundedExcerpt(other, maximumScalars: 100))")
        }
    }
}
