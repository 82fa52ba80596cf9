import DoormanOAuth
import Logging

/// The audit events of the token endpoint, named `entity.outcome`.
///
/// | event | level | when |
/// | --- | --- | --- |
/// | `authorization_code.consumed` | info | a code was redeemed |
/// | `authorization_code.replayed` | info | a used code was presented again by its client |
/// | `refresh_token.rotated` | info | a refresh token was exchanged for new tokens |
/// | `refresh_token.reused` | info | a revoked refresh token was presented again by its client |
/// | `grant.revoked` | info | the tokens of a grant were revoked after a replay |
/// | `token.issued` | info | an access token and a refresh token were issued |
/// | `token.rejected` | debug | the request failed with an OAuth error |
///
/// Records carry the request id, the client id, the user id and the grant id, which is the SHA-256 of the
/// code that started the grant. They never carry a code, a token or a secret.
struct TokenAudit {
    let logger: Logger
    let requestID: String

    func codeConsumed(_ code: AuthorizationCode) {
        logger.info("authorization_code.consumed", metadata: grantMetadata(code.clientID, code.userID, code.codeHash))
    }

    func codeReplayed(_ code: AuthorizationCode) {
        logger.info("authorization_code.replayed", metadata: grantMetadata(code.clientID, code.userID, code.codeHash))
    }

    func refreshRotated(_ token: RefreshToken) {
        logger.info("refresh_token.rotated", metadata: grantMetadata(token.clientID, token.userID, token.grantID))
    }

    func refreshReused(_ token: RefreshToken) {
        logger.info("refresh_token.reused", metadata: grantMetadata(token.clientID, token.userID, token.grantID))
    }

    func grantRevoked(_ grantID: String, clientID: String, revokedCount: Int) {
        var metadata = grantMetadata(clientID, nil, grantID)
        metadata["oauth.revoked_count"] = "\(revokedCount)"
        logger.info("grant.revoked", metadata: metadata)
    }

    func tokenIssued(_ token: AccessToken, grantType: String) {
        var metadata = grantMetadata(token.clientID, token.userID, token.grantID)
        metadata["oauth.grant_type"] = "\(grantType)"
        metadata["oauth.scope"] = "\(token.scope)"
        logger.info("token.issued", metadata: metadata)
    }

    /// Logs a client error with its code and its cause, which names no secret.
    func rejected(_ error: OAuthError, clientID: String?) {
        var metadata: Logger.Metadata = ["request.id": "\(requestID)", "oauth.error": "\(error.code.rawValue)"]
        if let clientID {
            // A rejected request's client id is whatever the client sent, which may be a secret pasted into the
            // wrong field, so only a value shaped like a client id is logged.
            if Identifier.isValid(clientID, kind: .client) {
                metadata["oauth.client_id"] = "\(clientID)"
            } else {
                metadata["oauth.client_id"] = "malformed"
            }
        }
        if let cause = error.debugCause {
            metadata["error.cause"] = "\(cause)"
        }
        logger.debug("token.rejected", metadata: metadata)
    }

    private func grantMetadata(_ clientID: String, _ userID: String?, _ grantID: String) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "request.id": "\(requestID)", "oauth.client_id": "\(clientID)", "oauth.grant_id": "\(grantID)",
        ]
        if let userID {
            metadata["user.id"] = "\(userID)"
        }
        return metadata
    }
}
