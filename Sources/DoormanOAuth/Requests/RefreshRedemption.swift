/// The rules for exchanging a refresh token for new tokens (RFC 6749 section 6, RFC 9700 section 4.14.2).
public enum RefreshRedemption {
    /// The action the token endpoint takes for a refresh token that passed the checks.
    public enum Decision: Sendable, Equatable {
        /// The token is active: rotate it and issue an access token with this scope.
        case rotate(Scope)
        /// The token was rotated less than the grace window ago: send the same successor again, which these bytes
        /// keep sealed (`RefreshSuccessor.open`).
        case resend(sealedSuccessor: [UInt8])
        /// The token was revoked, or rotated longer than the grace window ago: a replay. The caller revokes every
        /// token of the token's grant, its family, and responds with `invalid_grant`.
        case replay
    }

    /// Checks that `client` may use `token` with the parameters of `grant` at `now`, in Unix seconds, and returns
    /// what to do with it.
    ///
    /// - Parameters:
    ///   - token: The record found under `TokenHash.of(grant.refreshToken)`, or nil when none was found.
    ///   - client: The client that `ClientAuthentication.verify` returned.
    ///   - graceSeconds: How long after a rotation the rotated token still receives its successor, so that
    ///     parallel or retried requests do not sign the user out. 0 turns the grace window off.
    ///
    /// The checks, in order:
    /// 1. The token exists and was issued to `client` (RFC 6749 section 10.4): else `invalid_grant`, and no
    ///    family is revoked, because a client cannot prove it held another client's token.
    /// 2. A token rotated less than `graceSeconds` ago whose successor is still sealed in its row: `.resend`,
    ///    after the scope check of step 5.
    /// 3. Any other revoked or rotated token: `.replay`.
    /// 4. The token has not expired: else `invalid_grant`. Each successor expires the inactivity window after
    ///    its rotation, so a family that is used stays alive.
    /// 5. A requested scope lies within the token's scope: else `invalid_scope`. An absent scope means the token's
    ///    scope, so a refresh never widens the grant.
    public static func check(
        token: RefreshToken?, client: WebApp, grant: TokenRequest.RefreshTokenGrant, now: Int64, graceSeconds: Int64
    ) throws(OAuthError) -> Decision {
        guard let token else {
            throw OAuthError(.invalidGrant, debugCause: "unknown refresh token")
        }
        guard token.clientID.utf8.elementsEqual(client.clientID.utf8) else {
            throw OAuthError(
                .invalidGrant, debugCause: "refresh token issued to \(token.clientID), presented by \(client.clientID)")
        }

        if token.revokedAt != nil {
            guard let sealed = sealedSuccessorWithinGrace(token, now: now, graceSeconds: graceSeconds) else {
                return .replay
            }
            _ = try scope(of: grant, within: token)
            return .resend(sealedSuccessor: sealed)
        }
        guard token.isActive(at: now) else {
            throw OAuthError(.invalidGrant, debugCause: "refresh token expired at \(token.expiresAt)")
        }
        return .rotate(try scope(of: grant, within: token))
    }

    /// Returns the sealed successor of a token rotated less than `graceSeconds` before `now`, or nil.
    ///
    /// A rotation time after `now`, which another instance's clock can produce, counts as within the window.
    static func sealedSuccessorWithinGrace(_ token: RefreshToken, now: Int64, graceSeconds: Int64) -> [UInt8]? {
        guard let rotatedAt = token.rotatedAt, let sealed = token.sealedSuccessor, now < rotatedAt + graceSeconds
        else {
            return nil
        }
        return sealed
    }

    private static func scope(
        of grant: TokenRequest.RefreshTokenGrant, within token: RefreshToken
    ) throws(OAuthError) -> Scope {
        guard let requested = grant.scope else {
            return token.scope
        }
        guard requested.isSubset(of: token.scope) else {
            throw OAuthError(.invalidScope, debugCause: "refresh asked for \(requested), wider than \(token.scope)")
        }
        return requested
    }
}
