/// The rules for exchanging a refresh token for new tokens (RFC 6749 section 6).
public enum RefreshRedemption {
    /// Checks that `client` may use `token` with the parameters of `grant` at `now`, in Unix seconds,
    /// and returns the scope to issue.
    ///
    /// - Parameters:
    ///   - token: The record found under `TokenHash.of(grant.refreshToken)`, or nil when none was found.
    ///   - client: The client that `ClientAuthentication.verify` returned.
    ///
    /// The checks, in order:
    /// 1. The token exists and was issued to `client` (RFC 6749 section 10.4): else `invalid_grant`.
    /// 2. The token is not revoked: else `invalid_grant`. A revoked token presented again is a replay of
    ///    a rotated token, so the caller should also revoke every token of `token.grantID`
    ///    (RFC 9700 section 4.14.2).
    /// 3. The token has not expired: else `invalid_grant`.
    /// 4. A requested scope lies within the token's scope: else `invalid_scope`. An absent scope means the
    ///    token's scope.
    ///
    /// After this returns, the caller revokes `token` and issues new tokens with the same `grantID`.
    public static func check(
        token: RefreshToken?, client: WebApp, grant: TokenRequest.RefreshTokenGrant, now: Int64
    ) throws(OAuthError) -> Scope {
        guard let token else {
            throw OAuthError(.invalidGrant, debugCause: "unknown refresh token")
        }
        guard token.clientID.utf8.elementsEqual(client.clientID.utf8) else {
            throw OAuthError(
                .invalidGrant, debugCause: "refresh token issued to \(token.clientID), presented by \(client.clientID)")
        }
        guard token.revokedAt == nil else {
            throw OAuthError(.invalidGrant, debugCause: "refresh token already revoked or rotated")
        }
        guard token.isActive(at: now) else {
            throw OAuthError(.invalidGrant, debugCause: "refresh token expired at \(token.expiresAt)")
        }

        guard let requested = grant.scope else {
            return token.scope
        }
        guard requested.isSubset(of: token.scope) else {
            throw OAuthError(.invalidScope, debugCause: "refresh asked for \(requested), wider than \(token.scope)")
        }
        return requested
    }
}
