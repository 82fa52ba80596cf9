import DoormanHTTP
import DoormanOAuth

/// `POST /v5/oauth/token`: exchanges an authorization code or a refresh token for new tokens
/// (RFC 6749 sections 4.1.3 and 6).
///
/// The steps, in order:
/// 1. Read the body, the Basic credentials and the query (`TokenRequestReading`), then apply the request rules
///    (`TokenRequest.parse`).
/// 2. Look the client up and authenticate it (`ClientAuthentication.verify`).
/// 3. Check the code or refresh token (`CodeRedemption.check`, `RefreshRedemption.check`). A used code or a
///    rotated refresh token presented again by its client is a replay, so the whole grant is revoked
///    (RFC 6749 section 10.5, RFC 9700 section 4.14.2).
/// 4. Issue tokens and store them in the same transaction that consumes the code or revokes the old refresh
///    token. A request that loses that race to a concurrent one is a replay too.
///
/// A store failure returns `temporarily_unavailable` when the database is unreachable or busy and `server_error`
/// otherwise. Both keep the status that `OAuthError.status` gives them: 400 and 500.
struct TokenEndpoint: Sendable {
    let context: WebContext

    /// Returns the response to one token request. Every failure becomes an OAuth error response.
    func respond(to request: Request) -> Response {
        let audit = TokenAudit(logger: context.logger, requestID: request.requestID)
        var clientID: String?
        do {
            let tokenRequest = try parse(request)
            clientID = tokenRequest.clientID
            return TokenEndpointResponse.success(try grant(tokenRequest, audit: audit))
        } catch let error as OAuthError {
            audit.rejected(error, clientID: clientID)
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

        switch tokenRequest.grant {
        case .authorizationCode(let grant):
            return try redeem(grant, client: client, at: now, audit: audit)
        case .refreshToken(let grant):
            return try refresh(grant, client: client, at: now, audit: audit)
        }
    }

    private func storeFailure(_ error: any Error, request: Request) -> Response {
        context.logger.error(
            "token request failed",
            metadata: ["request.id": "\(request.requestID)", "error": "\(String(reflecting: error))"])
        if case .unavailable = error as? StoreError {
            return TokenEndpointResponse.failure(OAuthError(.temporarilyUnavailable))
        }
        return TokenEndpointResponse.failure(OAuthError(.serverError))
    }
}

extension TokenEndpoint {
    /// Redeems an authorization code: the `authorization_code` grant (RFC 6749 section 4.1.3).
    private func redeem(
        _ grant: TokenRequest.AuthorizationCodeGrant, client: WebApp, at now: Int64, audit: TokenAudit
    ) throws -> TokenResponse {
        let record = try context.store.authorizationCode(hash: TokenHash.of(grant.code))
        let code: AuthorizationCode
        do {
            code = try CodeRedemption.check(code: record, client: client, grant: grant, now: now)
        } catch {
            if let record, record.isConsumed, record.clientID.utf8.elementsEqual(client.clientID.utf8) {
                try revokeReplayedCode(record, audit: audit, at: now)
            }
            throw error
        }

        let issued = context.issuer.issueTokens(
            clientID: client.clientID, userID: code.userID, scope: code.scope, grantID: code.codeHash, at: now)
        let outcome = try context.store.redeemAuthorizationCode(
            hash: code.codeHash, at: now, access: issued.accessToken, refresh: issued.refreshToken)

        switch outcome {
        case .redeemed:
            audit.codeConsumed(code)
            audit.tokenIssued(issued.accessToken, grantType: "authorization_code")
            return issued.response
        case .alreadyConsumed:
            try revokeReplayedCode(code, audit: audit, at: now)
            throw OAuthError(.invalidGrant, debugCause: "a concurrent request redeemed the authorization code first")
        case .notFound:
            throw OAuthError(.invalidGrant, debugCause: "the authorization code was deleted before it was redeemed")
        }
    }

    /// Rotates a refresh token: the `refresh_token` grant (RFC 6749 section 6).
    ///
    /// The new refresh token keeps the scope of the old one even when the access token's scope is narrowed,
    /// because RFC 6749 section 6 requires an identical scope for a new refresh token.
    private func refresh(
        _ grant: TokenRequest.RefreshTokenGrant, client: WebApp, at now: Int64, audit: TokenAudit
    ) throws -> TokenResponse {
        let hash = TokenHash.of(grant.refreshToken)
        let record = try context.store.refreshToken(hash: hash)
        let scope: Scope
        do {
            scope = try RefreshRedemption.check(token: record, client: client, grant: grant, now: now)
        } catch {
            if let record, record.revokedAt != nil, record.clientID.utf8.elementsEqual(client.clientID.utf8) {
                try revokeReusedRefreshToken(record, audit: audit, at: now)
            }
            throw error
        }
        guard let record else {
            throw OAuthError(.invalidGrant, debugCause: "unknown refresh token")
        }

        let issued = context.issuer.issueTokens(
            clientID: client.clientID, userID: record.userID, scope: scope, grantID: record.grantID, at: now)
        var successor = issued.refreshToken
        successor.scope = record.scope
        let outcome = try context.store.rotateRefreshToken(
            hash: hash, at: now, access: issued.accessToken, refresh: successor)

        switch outcome {
        case .rotated:
            audit.refreshRotated(record)
            audit.tokenIssued(issued.accessToken, grantType: "refresh_token")
            return issued.response
        case .alreadyRevoked(let current):
            try revokeReusedRefreshToken(current, audit: audit, at: now)
            throw OAuthError(.invalidGrant, debugCause: "a concurrent request rotated the refresh token first")
        case .notFound:
            throw OAuthError(.invalidGrant, debugCause: "the refresh token was deleted before it was rotated")
        }
    }

    private func revokeReplayedCode(_ code: AuthorizationCode, audit: TokenAudit, at now: Int64) throws {
        audit.codeReplayed(code)
        let revoked = try context.store.revokeGrant(code.codeHash, at: now)
        audit.grantRevoked(code.codeHash, clientID: code.clientID, revokedCount: revoked)
    }

    private func revokeReusedRefreshToken(_ token: RefreshToken, audit: TokenAudit, at now: Int64) throws {
        audit.refreshReused(token)
        let revoked = try context.store.revokeGrant(token.grantID, at: now)
        audit.grantRevoked(token.grantID, clientID: token.clientID, revokedCount: revoked)
    }
}
