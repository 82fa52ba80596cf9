/// A client authentication method, named as in RFC 8414 metadata.
public enum ClientAuthenticationMethod: String, Sendable, Hashable, CaseIterable {
    /// `client_secret_basic`: HTTP Basic authentication. A 401 should then carry
    /// `WWW-Authenticate: Basic`, as RFC 6749 section 5.2 requires.
    case clientSecretBasic = "client_secret_basic"
    /// `client_secret_post`: `client_id` and `client_secret` in the body.
    case clientSecretPost = "client_secret_post"
    /// `none`: only a `client_id`, as a public client sends it.
    case none
}

/// The client identifier, secret and authentication method of a request to the token, revocation or
/// introspection endpoint, read by the rules of RFC 6749 sections 2.3 and 2.3.1.
///
/// The endpoints apply the rules in two steps, so that each endpoint keeps its own order of checks:
/// `checkRequest` runs before the endpoint's own parameters, `identify` after them.
public struct ClientCredentials: Sendable, Hashable {
    /// The `client_id`, from HTTP Basic or from the body.
    public let clientID: String
    /// The `client_secret`, or nil when the client sent none.
    public let clientSecret: String?
    /// The authentication method the client used.
    public let authenticationMethod: ClientAuthenticationMethod

    /// Creates credentials from values that already passed the rules.
    public init(clientID: String, clientSecret: String?, authenticationMethod: ClientAuthenticationMethod) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authenticationMethod = authenticationMethod
    }

    /// Basic credentials after form-urlencoding was removed: the client id and the secret, nil when empty.
    typealias DecodedBasic = (id: String, secret: String?)

    /// Applies the rules that come before an endpoint's own parameters and returns the decoded Basic
    /// credentials, or nil when the request had none.
    ///
    /// The rules, in order:
    /// 1. `client_id` or `client_secret` in the URL query: `invalid_request` (RFC 6749 section 2.3.1).
    /// 2. A body parameter sent twice: `invalid_request` (RFC 6749 section 3.2). Empty values count as absent.
    /// 3. Basic credentials that are not valid form-urlencoding, or have an empty user name: `invalid_client`.
    /// 4. Basic together with a body `client_secret`, or with a different body `client_id`: `invalid_request`,
    ///    because a client must use one authentication method (RFC 6749 section 2.3). A body `client_id`
    ///    equal to the Basic user name is no second credential, so it is accepted.
    static func checkRequest(
        body: ParameterList, basicCredentials: (id: String, secret: String)?, queryParameterNames: [String]
    ) throws(OAuthError) -> DecodedBasic? {
        if let name = queryParameterNames.first(where: { $0 == "client_id" || $0 == "client_secret" }) {
            throw OAuthError(.invalidRequest, debugCause: "\(name) sent in the URL query")
        }
        if let name = body.duplicatedNames.sorted().first {
            throw OAuthError(.invalidRequest, debugCause: "parameter \(name) sent more than once")
        }
        let basic = try decodeBasic(basicCredentials)
        try rejectSecondAuthenticationMethod(basic: basic, body: body)
        return basic
    }

    /// Returns the credentials from `basic` when present, otherwise from the body. No client identifier at all
    /// is `invalid_client`.
    static func identify(basic: DecodedBasic?, body: ParameterList) throws(OAuthError) -> ClientCredentials {
        if let basic {
            return ClientCredentials(
                clientID: basic.id, clientSecret: basic.secret, authenticationMethod: .clientSecretBasic)
        }
        guard let clientID = body["client_id"] else {
            throw OAuthError(.invalidClient, debugCause: "no client_id in Basic credentials or the body")
        }
        let secret = body["client_secret"]
        return ClientCredentials(
            clientID: clientID, clientSecret: secret, authenticationMethod: secret == nil ? .none : .clientSecretPost)
    }

    /// Removes the form-urlencoding that RFC 6749 section 2.3.1 puts on the id and the secret before Base64,
    /// so `+` is a space, `%2B` a plus, `%3A` a colon and `%C3%A9` an `é`.
    private static func decodeBasic(_ credentials: (id: String, secret: String)?) throws(OAuthError) -> DecodedBasic? {
        guard let credentials else {
            return nil
        }
        guard let id = FormURLEncoding.decode(credentials.id), let secret = FormURLEncoding.decode(credentials.secret)
        else {
            throw OAuthError(.invalidClient, debugCause: "Basic credentials are not valid form-urlencoding")
        }
        guard !id.isEmpty else {
            throw OAuthError(.invalidClient, debugCause: "Basic credentials have an empty client id")
        }
        return (id, secret.isEmpty ? nil : secret)
    }

    private static func rejectSecondAuthenticationMethod(basic: DecodedBasic?, body: ParameterList) throws(OAuthError) {
        guard let basic else {
            return
        }
        if body.contains("client_secret") {
            throw OAuthError(.invalidRequest, debugCause: "client_secret sent in both Basic and the body")
        }
        if let bodyID = body["client_id"], !bodyID.utf8.elementsEqual(basic.id.utf8) {
            throw OAuthError(.invalidRequest, debugCause: "client_id in the body differs from the Basic user name")
        }
    }
}
