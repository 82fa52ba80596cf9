/// The rules of token revocation (RFC 7009 section 2.1), applied after the client is authenticated.
public enum TokenRevocation {
    /// The step the revocation endpoint takes for the token in the request.
    public enum Action: Sendable, Hashable {
        /// Revoke this access token alone.
        case revokeAccessToken(hash: String)
        /// Revoke every access and refresh token of the grant, because a refresh token was revoked and RFC 7009
        /// section 2.1 recommends invalidating the access tokens of the same grant too.
        case revokeGrant(grantID: String)
        /// Nothing: no token has this value.
        case ignoreUnknown
        /// Nothing: the token was issued to another client, whose id is given for the log.
        case ignoreForeign(ownerClientID: String)
    }

    /// Returns the action for `token`, the record found for the request's token or nil, requested by `client`.
    ///
    /// A revoked or expired token is revoked again, which changes nothing: the client gets the same answer for
    /// it as for an active token, as RFC 7009 section 2.2 requires. A refresh token revokes its whole grant even
    /// when it was rotated already, because a client that revokes it wants the grant to end.
    public static func action(for token: FoundToken?, client: WebApp) -> Action {
        guard let token else {
            return .ignoreUnknown
        }
        guard token.belongs(to: client) else {
            return .ignoreForeign(ownerClientID: token.clientID)
        }

        switch token {
        case .access(let record):
            return .revokeAccessToken(hash: record.tokenHash)
        case .refresh(let record):
            return .revokeGrant(grantID: record.grantID)
        }
    }
}
