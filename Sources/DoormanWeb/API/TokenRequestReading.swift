import DoormanHTTP
import DoormanOAuth

/// Reads what `TokenRequest.parse` and `TokenReferenceRequest.parse` need from the HTTP request: the body
/// parameters, the Basic credentials and the names in the URL query. The token, revocation and introspection
/// endpoints share it, so that they read clients and parameters by the same rules.
///
/// Every failure is an `OAuthError`, so that the client always gets the OAuth error shape, never a 415 or a
/// bare 400.
enum TokenRequestReading {
    /// The parameter names of the token endpoint. Other parameters are ignored (RFC 6749 section 3.2), whatever
    /// their value.
    static let parameterNames: Set<String> = [
        "grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "scope", "client_id", "client_secret",
    ]

    /// Reads a revocation or introspection request: the body, the Basic credentials and the query, checked by
    /// `TokenReferenceRequest.parse`.
    static func tokenReference(of request: Request) throws(OAuthError) -> TokenReferenceRequest {
        let names = TokenReferenceRequest.knownParameters
        let parameters = try bodyParameters(of: request, names: names)
        try rejectParametersInQueryAndBody(query: request.query, body: parameters, names: names)
        return try TokenReferenceRequest.parse(
            parameters: parameters, basicCredentials: try basicCredentials(of: request),
            queryParameterNames: request.query.pairs.map(\.name))
    }

    /// Returns the body parameters in order. `names` are the endpoint's parameter names, the only JSON members read.
    ///
    /// An empty body has no parameters, whatever its `Content-Type`. Otherwise the body must be
    /// `application/x-www-form-urlencoded` or `application/json`. A `charset` parameter is ignored, because both
    /// are read as UTF-8, and bytes that are not UTF-8 are rejected. Anything else is `invalid_request`: a
    /// missing or malformed `Content-Type`, another media type, and a body that does not parse.
    static func bodyParameters(
        of request: Request, names: Set<String> = parameterNames
    ) throws(OAuthError) -> [(name: String, value: String)] {
        guard !request.body.isEmpty else {
            return []
        }
        guard let contentType = request.headers["Content-Type"] else {
            throw OAuthError(.invalidRequest, debugCause: "request body without a Content-Type")
        }

        let mediaType: MediaType
        do {
            mediaType = try MediaType.parse(contentType)
        } catch {
            throw OAuthError(.invalidRequest, debugCause: "Content-Type: \(error)")
        }

        if mediaType.hasEssence("application/x-www-form-urlencoded") {
            return try formParameters(request.body)
        }
        if mediaType.hasEssence("application/json") {
            return try jsonParameters(request.body, names: names)
        }
        throw OAuthError(.invalidRequest, debugCause: "unsupported Content-Type \(mediaType.essence)")
    }

    /// Returns the client id and secret of an `Authorization: Basic` header, still form-urlencoded as RFC 6749
    /// section 2.3.1 sends them, or nil when the request has no `Authorization` header.
    ///
    /// - Throws: `invalid_client` for a header that is not well-formed Basic credentials, a Bearer header and a
    ///   repeated header, so the client gets 401 and a Basic challenge.
    static func basicCredentials(of request: Request) throws(OAuthError) -> (id: String, secret: String)? {
        let values = request.headers.values(for: "Authorization")
        guard let value = values.first else {
            return nil
        }
        guard values.count == 1 else {
            throw OAuthError(.invalidClient, debugCause: "Authorization header sent \(values.count) times")
        }

        let credentials: AuthorizationCredentials
        do {
            credentials = try AuthorizationCredentials.parse(value, basicDecoding: .raw)
        } catch {
            // The parse error's description never contains the credentials.
            throw OAuthError(.invalidClient, debugCause: "\(error)")
        }
        guard case .basic(let id, let secret) = credentials else {
            throw OAuthError(.invalidClient, debugCause: "Bearer credentials sent where a client authenticates")
        }
        return (id, secret)
    }

    /// Rejects an endpoint parameter, one of `names`, with a non-empty value in both the URL query and the body:
    /// it is sent twice, which RFC 6749 section 3.2 forbids.
    static func rejectParametersInQueryAndBody(
        query: URLEncodedForm, body: [(name: String, value: String)], names: Set<String> = parameterNames
    ) throws(OAuthError) {
        for pair in query.pairs where !pair.value.isEmpty && names.contains(pair.name) {
            if body.contains(where: { $0.name.utf8.elementsEqual(pair.name.utf8) && !$0.value.isEmpty }) {
                throw OAuthError(
                    .invalidRequest, debugCause: "parameter \(pair.name) sent in both the query and the body")
            }
        }
    }

    private static func formParameters(_ body: [UInt8]) throws(OAuthError) -> [(name: String, value: String)] {
        do {
            return try URLEncodedForm.parse(body).pairs.map { ($0.name, $0.value) }
        } catch {
            throw OAuthError(.invalidRequest, debugCause: "form body: \(error)")
        }
    }

    /// Reads a JSON object whose members named in `names` are strings, or numbers taken as their literal text.
    ///
    /// A `null` parameter counts as absent, as an empty value does. A parameter whose value is a boolean, an
    /// array or an object is `invalid_request`. Other members are ignored whatever their value. The parser
    /// rejects duplicate keys.
    private static func jsonParameters(
        _ body: [UInt8], names: Set<String>
    ) throws(OAuthError) -> [(name: String, value: String)] {
        let value: JSONValue
        do {
            value = try JSONValue.parse(body)
        } catch {
            throw OAuthError(.invalidRequest, debugCause: "JSON body: \(error)")
        }
        guard case .object(let object) = value else {
            throw OAuthError(.invalidRequest, debugCause: "JSON body is not an object")
        }

        var parameters: [(name: String, value: String)] = []
        for member in object.members where names.contains(member.key) {
            switch member.value {
            case .string(let text):
                parameters.append((member.key, text))
            case .number(let number):
                parameters.append((member.key, number.text))
            case .null:
                continue
            case .bool, .array, .object:
                throw OAuthError(.invalidRequest, debugCause: "JSON member \(member.key) is not a string")
            }
        }
        return parameters
    }
}
