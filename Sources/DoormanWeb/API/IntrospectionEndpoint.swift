import DoormanHTTP
import DoormanOAuth

/// `POST /oauth/introspect`: reports to an authenticated client whether one of its tokens is active (RFC 7662).
///
/// The steps, in order:
/// 1. Read the request as the revocation endpoint does (`TokenRequestReading.tokenReference`), and count it
///    against the token endpoint's rate limits (`ClientAuthenticationLimits`).
/// 2. Authenticate the caller with `ClientAuthentication.verifyConfidential`: a public client, a wrong secret or
///    no credentials is 401 `invalid_client` with `WWW-Authenticate: Basic` (RFC 7662 section 2.3).
/// 3. Find the token by its hash, the hinted type first, and its user.
/// 4. Respond with `TokenIntrospection.fields`: the token's details when it is active and was issued to the caller,
///    otherwise only `{"active":false}`.
///
/// Every response carries `Cache-Control: no-store` and `Pragma: no-cache`.
struct IntrospectionEndpoint: Sendable {
    /// The path of the endpoint.
    static let path = "/oauth/introspect"

    let context: WebContext

    /// Returns the response to one introspection request. Every failure becomes an OAuth error response, except a
    /// request over a rate limit, which gets the v5 API's 429.
    func respond(to request: Request) -> Response {
        var clientID: String?
        do {
            let limits = ClientAuthenticationLimits(context: context)
            if let limited = try limits.checkAddress(of: request) {
                return limited
            }
            let reference = try TokenRequestReading.tokenReference(of: request)
            clientID = reference.credentials.clientID
            if let limited = try limits.checkClient(reference.credentials.clientID) {
                return limited
            }
            let caller = try ClientAuthentication.verifyConfidential(
                client: try context.store.webApp(clientID: reference.credentials.clientID),
                secret: reference.credentials.clientSecret)
            return TokenEndpointResponse.json(try describe(reference, caller: caller))
        } catch let error as OAuthError {
            TokenAudit(logger: context.logger, requestID: request.requestID).rejected(error, clientID: clientID)
            return TokenEndpointResponse.failure(error)
        } catch {
            return TokenEndpointResponse.storeFailure(
                error, request: request, logger: context.logger, message: "introspection request failed")
        }
    }

    private func describe(
        _ reference: TokenReferenceRequest, caller: WebApp
    ) throws(StoreError) -> [(name: String, value: FieldValue)] {
        let store = context.store
        let now = context.now()
        let found = try FoundToken.find(
            reference.token, order: reference.searchOrder,
            accessToken: { (hash) throws(StoreError) in try store.accessToken(hash: hash) },
            refreshToken: { (hash) throws(StoreError) in try store.refreshToken(hash: hash) })

        // The user is read only for a token that can be active for this caller, so a scan costs one query less.
        guard let found, found.belongs(to: caller), found.isActive(at: now) else {
            return TokenIntrospection.inactive
        }
        let user = try store.user(id: found.userID)
        return TokenIntrospection.fields(for: found, user: user, caller: caller, at: now)
    }
}
