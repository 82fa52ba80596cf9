import DoormanHTTP
import DoormanOAuth
import Logging

/// `POST /oauth/revoke`: revokes an access or refresh token (RFC 7009).
///
/// The steps, in order:
/// 1. Read the request, count it against the token endpoint's rate limits (`ClientAuthenticationLimits`), and
///    authenticate the client exactly as the token endpoint does (`TokenRequestReading`,
///    `TokenReferenceRequest.parse`, `ClientAuthentication.verify`). A public client passes with its `client_id`.
/// 2. Find the token by its hash, the hinted type first (`FoundToken.find`).
/// 3. Apply `TokenRevocation.action`: an access token is revoked alone, a refresh token revokes its whole grant.
///
/// The response is 200 with an empty body for a token that was revoked, was revoked already, is unknown, or was
/// issued to another client, which is left untouched. RFC 7009 section 2.1 lets the server reject the last case
/// with an error, but Doorman treats it like an unknown token, so that the endpoint reveals to no client whether a
/// token of another client exists. Both token types can be revoked, so `unsupported_token_type` is never sent.
struct RevocationEndpoint: Sendable {
    /// The paths of the endpoint, next to the token endpoint's aliases.
    static let paths = ["/oauth/revoke", "/v5/oauth/revoke", "/api/v5/oauth/revoke"]

    let context: WebContext

    /// Returns the response to one revocation request. Every failure becomes an OAuth error response, except a
    /// request over a rate limit, which gets the v5 API's 429.
    func respond(to request: Request) -> Response {
        let audit = RevocationAudit(logger: context.logger, requestID: request.requestID)
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
            let client = try ClientAuthentication.verify(
                client: try context.store.webApp(clientID: reference.credentials.clientID),
                secret: reference.credentials.clientSecret)
            try revoke(reference, client: client, audit: audit)
            return Self.revoked
        } catch let error as OAuthError {
            TokenAudit(logger: context.logger, requestID: request.requestID).rejected(error, clientID: clientID)
            return TokenEndpointResponse.failure(error)
        } catch {
            return TokenEndpointResponse.storeFailure(
                error, request: request, logger: context.logger, message: "revocation request failed")
        }
    }

    /// The response to every accepted request: 200, an empty body, and no caching.
    static var revoked: Response {
        Response(status: .ok, headers: ["Cache-Control": "no-store", "Pragma": "no-cache"])
    }

    private func revoke(_ reference: TokenReferenceRequest, client: WebApp, audit: RevocationAudit) throws {
        let store = context.store
        let found = try FoundToken.find(
            reference.token, order: reference.searchOrder,
            accessToken: { (hash) throws(StoreError) in try store.accessToken(hash: hash) },
            refreshToken: { (hash) throws(StoreError) in try store.refreshToken(hash: hash) })

        let now = context.now()
        switch TokenRevocation.action(for: found, client: client) {
        case .revokeAccessToken(let hash):
            let changed = try store.revokeAccessToken(hash: hash, at: now)
            audit.revoked(.accessToken, clientID: client.clientID, revokedCount: changed ? 1 : 0)
        case .revokeGrant(let grantID):
            let count = try store.revokeGrant(grantID, at: now)
            audit.revoked(.refreshToken, clientID: client.clientID, revokedCount: count, grantID: grantID)
        case .ignoreUnknown:
            audit.ignored(reason: "unknown_token", clientID: client.clientID)
        case .ignoreForeign(let owner):
            audit.ignored(reason: "foreign_token", clientID: client.clientID, ownerClientID: owner)
        }
    }
}

/// The audit events of the revocation endpoint, which never carry the token.
///
/// `token.revoked` (info) records a token of the caller that was revoked or found revoked already.
/// `token.revocation_ignored` records a token of another client (notice) or an unknown token (debug, because a
/// client that scans for tokens would flood the log).
struct RevocationAudit {
    let logger: Logger
    let requestID: String

    func revoked(_ type: TokenTypeHint, clientID: String, revokedCount: Int, grantID: String? = nil) {
        var metadata: Logger.Metadata = [
            "request.id": "\(requestID)", "oauth.client_id": "\(clientID)", "oauth.token_type": "\(type.rawValue)",
            "oauth.revoked_count": "\(revokedCount)",
        ]
        if let grantID {
            metadata["oauth.grant_id"] = "\(grantID)"
        }
        logger.audit(.tokenRevoked, metadata: metadata)
    }

    func ignored(reason: String, clientID: String, ownerClientID: String? = nil) {
        var metadata: Logger.Metadata = [
            "request.id": "\(requestID)", "oauth.client_id": "\(clientID)", "reason": "\(reason)",
        ]
        if let ownerClientID {
            metadata["oauth.owner_client_id"] = "\(ownerClientID)"
        }
        if ownerClientID == nil {
            logger.audit(.tokenRevocationIgnored, level: .debug, metadata: metadata)
        } else {
            logger.audit(.tokenRevocationIgnored, level: .notice, metadata: metadata)
        }
    }
}
