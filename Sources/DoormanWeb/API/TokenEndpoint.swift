import DoormanHTTP
import DoormanOAuth

/// `POST /v5/oauth/token`: exchanges an authorization code or a refresh token for new tokens
/// (RFC 6749 sections 4.1.3 and 6).
///
/// The steps, in order:
/// 1. Read the body, the Basic credentials and the query (`TokenRequestReading`), then apply the request rules
///    (`TokenRequest.parse`).
/// 2. Look the client up and authenticate it (`ClientAuthentication.verify`).
/// 3. Check the code or refresh token (`TokenExchange`, through `CodeRedemption.check` and
///    `RefreshRedemption.check`). A used code or a rotated refresh token presented again by its client is a
///    replay, so the whole grant is revoked (RFC 6749 section 10.5, RFC 9700 section 4.14.2).
/// 4. Issue tokens and store them in the same transaction that consumes the code or revokes the old refresh
///    token. A request that loses that race to a concurrent one is a replay too.
///
/// A store failure returns `temporarily_unavailable` when the database is unreachable or busy and `server_error`
/// otherwise. Both keep the status that `OAuthError.status` gives them: 400 and 500.
struct TokenEndpoint: Sendable {
    let context: WebContext

    /// Returns the response to one token request. Every failure becomes an OAuth error response, except a
    /// request over a rate limit, which gets the v5 API's 429.
    func respond(to request: Request) -> Response {
        let audit = TokenAudit(logger: context.logger, requestID: request.requestID)
        var clientID: String?
        do {
            let limits = ClientAuthenticationLimits(context: context)
            if let limited = try limits.checkAddress(of: request) {
                return limited
            }
            let tokenRequest = try parse(request)
            clientID = tokenRequest.clientID
            if let limited = try limits.checkClient(tokenRequest.clientID) {
                return limited
            }
            return TokenEndpointResponse.success(try grant(tokenRequest, audit: audit))
        } catch let error as OAuthError {
            audit.rejected(error, clientID: clientID)
            context.metrics.grantFailed(error.code)
            return TokenEndpointResponse.failure(error)
        } catch {
            return storeFailure(error, request: request)
        }
    }

    private func parse(_ request: Request) throws(OAuthError) -> TokenRequest {
        let parameters = try TokenRequestReading.bodyParameters(of: request)
        try TokenRequestReading.rejectParametersInQueryAndBody(query: request.query, body: parameters)
        let basic = try TokenRequestReading.basicCredentials(of: request)
        return try TokenRequest.parse(
            parameters: parameters, basicCredentials: basic, queryParameterNames: request.query.pairs.map(\.name))
    }

    private func grant(_ tokenRequest: TokenRequest, audit: TokenAudit) throws -> TokenResponse {
        let now = context.now()
        let client = try ClientAuthentication.verify(
            client: try context.store.webApp(clientID: tokenRequest.clientID), secret: tokenRequest.clientSecret)

        let exchange = TokenExchange(context: context, client: client, now: now, audit: audit)
        switch tokenRequest.grant {
        case .authorizationCode(let grant):
            return try exchange.redeem(grant)
        case .refreshToken(let grant):
            return try exchange.refresh(grant)
        }
    }

    private func storeFailure(_ error: any Error, request: Request) -> Response {
        context.metrics.grantFailed(TokenEndpointResponse.errorCode(forStoreFailure: error))
        return TokenEndpointResponse.storeFailure(
            error, request: request, logger: context.logger, message: "token request failed")
    }
}
