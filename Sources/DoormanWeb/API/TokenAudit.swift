import DoormanOAuth
import Logging

/// The audit events of the token endpoint, from `AuditEvent`.
///
/// Records carry the request id, the client id, the user id and the grant id, which is the key (`TokenHash.of`) of
/// the code that started the grant and so names the refresh token family. They never carry a code, a token or a
/// secret. docs/SECURITY.md lists every event with its fields.
struct TokenAudit {
    let logger: Logger
    let requestID: String

    func codeConsumed(_ code: AuthorizationCode) {
        logger.audit(.authorizationCodeConsumed, metadata: grantMetadata(code.clientID, code.userID, code.codeHash))
    }

    func codeReplayed(_ code: AuthorizationCode) {
        logger.audit(.authorizationCodeReplayed, metadata: grantMetadata(code.clientID, code.userID, code.codeHash))
    }

    func refreshRotated(_ token: RefreshToken) {
        logger.audit(.refreshTokenRotated, metadata: grantMetadata(token.clientID, token.userID, token.grantID))
    }

    func refreshRetried(_ token: RefreshToken) {
        var metadata = grantMetadata(token.clientID, token.userID, token.grantID)
        if let rotatedAt = token.rotatedAt {
            metadata["oauth.rotated_at"] = "\(rotatedAt)"
        }
        logger.audit(.refreshTokenRetried, metadata: metadata)
    }

    func refreshReused(_ token: RefreshToken) {
        logger.audit(.refreshTokenReused, metadata: grantMetadata(token.clientID, token.userID, token.grantID))
    }

    /// Logs the revocation of a grant's tokens. `reason` is the event that caused it, such as
    /// `refresh_token.reused`.
    func grantRevoked(_ grantID: String, clientID: String, revokedCount: Int, reason: AuditEvent) {
        var metadata = grantMetadata(clientID, nil, grantID)
        metadata["oauth.revoked_count"] = "\(revokedCount)"
        metadata["reason"] = "\(reason.rawValue)"
        logger.audit(.grantRevoked, metadata: metadata)
    }

    func tokenIssued(_ token: AccessToken, grantType: String) {
        var metadata = grantMetadata(token.clientID, token.userID, token.grantID)
        metadata["oauth.grant_type"] = "\(grantType)"
        metadata["oauth.scope"] = "\(token.scope)"
        logger.audit(.tokenIssued, metadata: metadata)
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
        logger.audit(.tokenRejected, level: .debug, metadata: metadata)
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
