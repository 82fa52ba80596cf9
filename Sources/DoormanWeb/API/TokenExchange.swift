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

    /// Exchanges a refresh token: the `refresh_token` grant (RFC 6749 section 6, RFC 9700 section 4.14.2).
    ///
    /// An active token is rotated. A token rotated less than the grace window ago receives the same successor
    /// again, so parallel or retried requests of one client do not sign its user out. Any other revoked token is a
    /// replay, which revokes its family, the tokens of its grant, and no other grant of the user.
    func refresh(_ grant: TokenRequest.RefreshTokenGrant) throws -> TokenResponse {
        let record = try context.store.refreshToken(hash: TokenHash.of(grant.refreshToken))
        let decision = try RefreshRedemption.check(
            token: record, client: client, grant: grant, now: now, graceSeconds: context.settings.refreshGraceSeconds)
        guard let record else {
            throw OAuthError(.invalidGrant, debugCause: "unknown refresh token")
        }

        switch decision {
        case .rotate(let scope):
            return try rotate(record, scope: scope, grant: grant)
        case .resend(let sealed):
            return try resend(sealed, of: record, grant: grant)
        case .replay:
            try revokeReusedRefreshToken(record)
            throw OAuthError(.invalidGrant, debugCause: "refresh token revoked, or rotated before the grace window")
        }
    }

    /// Rotates `token`, issuing an access token with `scope` and a successor that keeps the token's scope, because
    /// RFC 6749 section 6 requires an identical scope for a new refresh token.
    private func rotate(_ token: RefreshToken, scope: Scope, grant: TokenRequest.RefreshTokenGrant) throws
        -> TokenResponse
    {
        let issued = context.issuer.issueTokens(
            clientID: client.clientID, userID: token.userID, scope: scope, grantID: token.grantID, at: now)
        var successor = issued.refreshToken
        successor.scope = token.scope
        guard let sealable = RefreshSuccessor(response: issued.response) else {
            preconditionFailure("TokenIssuer.issueTokens returned a response without a refresh token")
        }
        let sealed = sealable.seal(under: grant.refreshToken, random: context.random)

        let outcome = try context.store.rotateRefreshToken(
            hash: token.tokenHash, at: now, access: issued.accessToken, refresh: successor, sealedSuccessor: sealed)
        switch outcome {
        case .rotated:
            audit.refreshRotated(token)
            audit.tokenIssued(issued.accessToken, grantType: "refresh_token")
            context.metrics.tokenIssued(grantType: .refreshToken)
            return issued.response
        case .alreadyRevoked(let current):
            return try answerLostRotation(current, grant: grant)
        case .notFound:
            throw OAuthError(.invalidGrant, debugCause: "the refresh token was deleted before it was rotated")
        }
    }

    /// Returns the response to a request whose rotation lost the race to a concurrent one. The store read the
    /// record after the winner's commit, so within the grace window it carries the winner's successor, and
    /// otherwise the request is a replay.
    private func answerLostRotation(_ current: RefreshToken, grant: TokenRequest.RefreshTokenGrant) throws
        -> TokenResponse
    {
        let decision = try RefreshRedemption.check(
            token: current, client: client, grant: grant, now: now, graceSeconds: context.settings.refreshGraceSeconds)
        if case .resend(let sealed) = decision {
            return try resend(sealed, of: current, grant: grant)
        }
        try revokeReusedRefreshToken(current)
        throw OAuthError(.invalidGrant, debugCause: "a concurrent request rotated or revoked the refresh token first")
    }

    /// Returns the successor sealed in the row of `token`, which was rotated within the grace window.
    private func resend(_ sealed: [UInt8], of token: RefreshToken, grant: TokenRequest.RefreshTokenGrant) throws
        -> TokenResponse
    {
        // Only the presented token's value opens the box, and its hash found the row, so a failure means the row
        // was changed outside Doorman.
        guard let successor = RefreshSuccessor.open(sealed, presentedToken: grant.refreshToken) else {
            context.logger.warning(
                "sealed successor of a refresh token failed to open",
                metadata: [
                    "request.id": "\(audit.requestID)", "oauth.client_id": "\(token.clientID)",
                    "oauth.grant_id": "\(token.grantID)",
                ])
            throw OAuthError(.invalidGrant, debugCause: "the sealed successor of the refresh token cannot be opened")
        }
        audit.refreshRetried(token)
        return successor.response(at: now)
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

    private func revokeReplayedCode(_ code: AuthorizationCode) throws {
        audit.codeReplayed(code)
        let revoked = try context.store.revokeGrant(code.codeHash, at: now)
        audit.grantRevoked(
            code.codeHash, clientID: code.clientID, revokedCount: revoked, reason: .authorizationCodeReplayed)
    }

    private func revokeReusedRefreshToken(_ token: RefreshToken) throws {
        audit.refreshReused(token)
        let revoked = try context.store.revokeGrant(token.grantID, at: now)
        audit.grantRevoked(
            token.grantID, clientID: token.clientID, revokedCount: revoked, reason: .refreshTokenReused)
    }
}
