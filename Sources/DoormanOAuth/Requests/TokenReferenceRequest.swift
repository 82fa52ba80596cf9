/// The value of `token_type_hint` (RFC 7009 section 2.1, RFC 7662 section 2.1).
public enum TokenTypeHint: String, Sendable, Hashable, CaseIterable {
    /// `access_token`.
    case accessToken = "access_token"
    /// `refresh_token`.
    case refreshToken = "refresh_token"

    /// Returns both token types, the hinted one first and access tokens first without a hint.
    ///
    /// A hint only speeds up the search: a token of the other type is still found (RFC 7009 section 2.1).
    public static func searchOrder(hint: TokenTypeHint?) -> [TokenTypeHint] {
        hint == .refreshToken ? [.refreshToken, .accessToken] : [.accessToken, .refreshToken]
    }
}

/// A request that names one token: revocation (RFC 7009 section 2.1) or introspection (RFC 7662 section 2.1).
public struct TokenReferenceRequest: Sendable, Hashable {
    /// `token`: the token value as the client sent it.
    public let token: String
    /// `token_type_hint`, or nil when it is absent or has a value this server does not define.
    public let tokenTypeHint: TokenTypeHint?
    /// The client credentials the caller sent, not yet verified, and the method it sent them by.
    public let credentials: ClientCredentials

    /// Parameter names of the revocation and introspection endpoints. Any other parameter is ignored.
    public static let knownParameters: Set<String> = ["token", "token_type_hint", "client_id", "client_secret"]

    /// Creates a request from values that already passed the rules.
    public init(token: String, tokenTypeHint: TokenTypeHint?, credentials: ClientCredentials) {
        self.token = token
        self.tokenTypeHint = tokenTypeHint
        self.credentials = credentials
    }

    /// The token types to search, in order: the hinted type first.
    public var searchOrder: [TokenTypeHint] {
        TokenTypeHint.searchOrder(hint: tokenTypeHint)
    }

    /// Applies the request rules in order and returns the request, or throws the first failure.
    ///
    /// The parameters are read as `TokenRequest.parse` reads them. The rules, in order:
    /// 1. to 4. The client credential rules of `ClientCredentials`: credentials in the URL query, a parameter
    ///    sent twice, or Basic and body credentials together are `invalid_request`, and malformed Basic
    ///    credentials are `invalid_client`.
    /// 5. Missing `token`: `Missing required parameter: token.`
    /// 6. No client identifier at all: `invalid_client`.
    ///
    /// A `token_type_hint` other than `access_token` and `refresh_token` is ignored, as RFC 7009 section 2.1
    /// allows, so the search covers both types.
    public static func parse(
        parameters: [(name: String, value: String)], basicCredentials: (id: String, secret: String)?,
        queryParameterNames: [String]
    ) throws(OAuthError) -> TokenReferenceRequest {
        let body = ParameterList(parameters, known: knownParameters)
        let basic = try ClientCredentials.checkRequest(
            body: body, basicCredentials: basicCredentials, queryParameterNames: queryParameterNames)

        guard let token = body["token"] else {
            throw OAuthError.missingParameter("token")
        }
        let hint = body["token_type_hint"].flatMap(TokenTypeHint.init(rawValue:))
        let credentials = try ClientCredentials.identify(basic: basic, body: body)
        return TokenReferenceRequest(token: token, tokenTypeHint: hint, credentials: credentials)
    }
}

/// A stored token found by its hash: an access token or a refresh token record.
public enum FoundToken: Sendable, Hashable {
    /// An access token.
    case access(AccessToken)
    /// A refresh token.
    case refresh(RefreshToken)

    /// Finds `token` by its hash, searching the types in `order` and stopping at the first record found.
    /// Errors that the lookups throw pass through.
    public static func find<Failure: Error>(
        _ token: String, order: [TokenTypeHint], accessToken: (String) throws(Failure) -> AccessToken?,
        refreshToken: (String) throws(Failure) -> RefreshToken?
    ) throws(Failure) -> FoundToken? {
        let hash = TokenHash.of(token)
        for type in order {
            switch type {
            case .accessToken:
                if let record = try accessToken(hash) {
                    return .access(record)
                }
            case .refreshToken:
                if let record = try refreshToken(hash) {
                    return .refresh(record)
                }
            }
        }
        return nil
    }

    /// The token type, named as `token_type_hint` names it.
    public var type: TokenTypeHint {
        switch self {
        case .access: .accessToken
        case .refresh: .refreshToken
        }
    }

    /// The `client_id` the token was issued to.
    public var clientID: String {
        switch self {
        case .access(let token): token.clientID
        case .refresh(let token): token.clientID
        }
    }

    /// The identifier of the user the token acts for.
    public var userID: String {
        switch self {
        case .access(let token): token.userID
        case .refresh(let token): token.userID
        }
    }

    /// The scope of the token.
    public var scope: Scope {
        switch self {
        case .access(let token): token.scope
        case .refresh(let token): token.scope
        }
    }

    /// Issue time in Unix seconds.
    public var createdAt: Int64 {
        switch self {
        case .access(let token): token.createdAt
        case .refresh(let token): token.createdAt
        }
    }

    /// Expiry time in Unix seconds.
    public var expiresAt: Int64 {
        switch self {
        case .access(let token): token.expiresAt
        case .refresh(let token): token.expiresAt
        }
    }

    /// Returns whether the token is neither revoked nor expired at `now`, in Unix seconds.
    public func isActive(at now: Int64) -> Bool {
        switch self {
        case .access(let token): token.isActive(at: now)
        case .refresh(let token): token.isActive(at: now)
        }
    }

    /// Returns whether the token was issued to `client`, comparing the client ids byte for byte.
    public func belongs(to client: WebApp) -> Bool {
        clientID.utf8.elementsEqual(client.clientID.utf8)
    }
}
