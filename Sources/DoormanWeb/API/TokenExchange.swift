import DoormanOAuth

/// The grant step of one token request, after its client is authenticated: checks the code or refresh token,
/// issues tokens and stores them in the transaction that consumes the code or rotates the refresh token.
struct TokenExchange {
    let context: WebContext
    /// The client that `ClientAuthentication.verify` returned.
    let client: WebApp
    /// The time of the request in Unix seconds.
    let now: Int64
    let audit: TokenAudit

    /// Redeems an authorization code: the `authorization_code` grant (RFC 6749 section 4.1.3).
    func redeem(_ grant: TokenRequest.AuthorizationCodeGrant) throws -> TokenResponse {
        let code = try checkCode(grant)

        let issued = context.issuer.issueTokens(
            clientID: client.clientID, userID: code.userID, scope: code.scope, grantID: code.codeHash, at: now)
        let outcome = try context.store.redeemAuthorizationCode(
            hash: code.codeHash, at: now, access: issued.accessToken, refresh: issued.refreshToken)

        switch outcome {
        case .redeemed:
            audit.codeConsumed(code)
            audit.tokenIssued(issued.accessToken, grantType: "authorization_code")
            context.metrics.codeRedeemed()
            context.metrics.tokenIssued(grantType: .authorizationCode)
            return issued.response
        case .alreadyConsumed:
            try revokeReplayedCode(code)
            throw OAuthError(.invalidGrant, debugCause: "a concurrent request redeemed the authorization code first")
        case .notFound:
            throw OAuthError(.invalidGrant, debugCause: "the authorization code was deleted before it was redeemed")
        }
    }

    /// Rotates a refresh token: the `refresh_token` grant (RFC 6749 section 6).
    ///
    /// The new refresh token keeps the scope of the old one even when the access token's scope is narrowed,
    /// because RFC 6749 section 6 requires an identical scope for a new refresh token.
    func refresh(_ grant: TokenRequest.RefreshTokenGrant) throws -> TokenResponse {
        let hash = TokenHash.of(grant.refreshToken)
        let (token, scope) = try checkRefreshToken(hash: hash, grant: grant)

        let issued = context.issuer.issueTokens(
            clientID: client.clientID, userID: token.userID, scope: scope, grantID: token.grantID, at: now)
        var successor = issued.refreshToken
        successor.scope = token.scope
        let outcome = try context.store.rotateRefreshToken(
            hash: hash, at: now, access: issued.accessToken, refresh: successor)

        switch outcome {
        case .rotated:
            audit.refreshRotated(token)
            audit.tokenIssued(issued.accessToken, grantType: "refresh_token")
            context.metrics.tokenIssued(grantType: .refreshToken)
            return issued.response
        case .alreadyRevoked(let current):
            try revokeReusedRefreshToken(current)
            throw OAuthError(.invalidGrant, debugCause: "a concurrent request rotated the refresh token first")
        case .notFound:
            throw OAuthError(.invalidGrant, debugCause: "the refresh token was deleted before it was rotated")
        }
    }

    /// Returns the code record if `CodeRedemption.check` passes. A used code presented again by its client is a
    /// replay, so the tokens issued from it are revoked before the error is thrown (RFC 6749 section 10.5).
    private func checkCode(_ grant: TokenRequest.AuthorizationCodeGrant) throws -> AuthorizationCode {
        let record = try context.store.authorizationCode(hash: TokenHash.of(grant.code))
        do {
            return try CodeRedemption.check(code: record, client: client, grant: grant, now: now)
        } catch {
            if let record, record.isConsumed, record.clientID.utf8.elementsEqual(client.clientID.utf8) {
                try revokeReplayedCode(record)
            }
            throw error
        }
    }

    /// Returns the token record and the scope to issue if `RefreshRedemption.check` passes. A revoked token
    /// presented again by its client is a replay, so its grant is revoked before the error is thrown
    /// (RFC 9700 section 4.14.2).
    private func checkRefreshToken(
        hash: String, grant: TokenRequest.RefreshTokenGrant
    ) throws -> (RefreshToken, Scope) {
        let record = try context.store.refreshToken(hash: hash)
        do {
            let scope = try RefreshRedemption.check(token: record, client: client, grant: grant, now: now)
            guard let record else {
                throw OAuthError(.invalidGrant, debugCause: "unknown refresh token")
            }
            return (record, scope)
        } catch {
            if let record, record.revokedAt != nil, record.clientID.utf8.elementsEqual(client.clientID.utf8) {
                try revokeReusedRefreshToken(record)
            }
            throw error
        }
    }

    private func revokeReplayedCode(_ code: AuthorizationCode) throws {
        audit.codeReplayed(code)
        let revoked = try context.store.revokeGrant(code.codeHash, at: now)
        audit.grantRevoked(code.codeHash, clientID: code.clientID, revokedCount: revoked)
    }

    private func revokeReusedRefreshToken(_ token: RefreshToken) throws {
        audit.refreshReused(token)
        let revoked = try context.store.revokeGrant(token.grantID, at: now)
        audit.grantRevoked(token.grantID, clientID: token.clientID, revokedCount: revoked)
    }
}
