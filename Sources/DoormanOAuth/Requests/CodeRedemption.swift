/// The rules for exchanging an authorization code for tokens (RFC 6749 section 4.1.3, RFC 7636 section 4.6).
public enum CodeRedemption {
    /// Checks that `client` may redeem `code` with the parameters of `grant` at `now`, in Unix seconds,
    /// and returns the code record.
    ///
    /// - Parameters:
    ///   - code: The record found under `TokenHash.of(grant.code)`, or nil when none was found.
    ///   - client: The client that `ClientAuthentication.verify` returned.
    ///
    /// The checks, in order, each failing with `invalid_grant` unless noted:
    /// 1. The code exists and was issued to `client` (RFC 6749 section 4.1.3).
    /// 2. The code is unused. A used code is a replay: the caller should also revoke every token whose
    ///    grant identifier is `code.codeHash` (RFC 6749 section 10.5).
    /// 3. The code has not expired.
    /// 4. If the authorization request sent a `redirect_uri`, this request repeats it byte for byte
    ///    (RFC 6749 section 4.1.3), and its absence is `Missing required parameter: redirect_uri.`. If it sent
    ///    none, as a launch from the hub does, a `redirect_uri` given here must still match a registered URI.
    /// 5. PKCE: with a stored challenge, a `code_verifier` must be present, well formed and must verify. A
    ///    malformed verifier is `invalid_grant` too, because it cannot prove possession of the code. Without
    ///    a stored challenge, a sent verifier is a downgrade attempt (RFC 9700 section 4.8.2) and a client
    ///    that needs PKCE cannot redeem the code at all.
    ///
    /// The caller marks the code used after this returns, in the same transaction that issues the tokens.
    @discardableResult
    public static func check(
        code: AuthorizationCode?, client: WebApp, grant: TokenRequest.AuthorizationCodeGrant, now: Int64
    ) throws(OAuthError) -> AuthorizationCode {
        guard let code else {
            throw OAuthError(.invalidGrant, debugCause: "unknown authorization code")
        }
        guard code.clientID.utf8.elementsEqual(client.clientID.utf8) else {
            throw OAuthError(
                .invalidGrant, debugCause: "code issued to \(code.clientID), presented by \(client.clientID)")
        }
        guard !code.isConsumed else {
            throw OAuthError(.invalidGrant, debugCause: "authorization code already used")
        }
        guard !code.isExpired(at: now) else {
            throw OAuthError(.invalidGrant, debugCause: "authorization code expired at \(code.expiresAt)")
        }

        try checkRedirectURI(code: code, client: client, requested: grant.redirectURI)
        try checkProofKey(code: code, client: client, verifier: grant.codeVerifier)
        return code
    }

    private static func checkRedirectURI(
        code: AuthorizationCode, client: WebApp, requested: String?
    ) throws(OAuthError) {
        if let original = code.redirectURI {
            guard let requested else {
                throw OAuthError.missingParameter("redirect_uri", debugCause: "the authorization request sent one")
            }
            // Byte comparison, because Swift's String == treats canonically equivalent Unicode as equal.
            guard requested.utf8.elementsEqual(original.utf8) else {
                throw OAuthError(.invalidGrant, debugCause: "redirect_uri differs from the authorization request")
            }
            return
        }

        guard let requested else {
            return
        }
        if !client.redirectURIs.contains(where: { RedirectURI.matches(registered: $0, requested: requested) }) {
            throw OAuthError(.invalidGrant, debugCause: "redirect_uri is not registered for the client")
        }
    }

    private static func checkProofKey(code: AuthorizationCode, client: WebApp, verifier: String?) throws(OAuthError) {
        guard let challenge = code.codeChallenge else {
            if verifier != nil {
                throw OAuthError(.invalidGrant, debugCause: "code_verifier sent for a code issued without a challenge")
            }
            if client.needsPKCE {
                throw OAuthError(.invalidGrant, debugCause: "client requires PKCE but the code has no challenge")
            }
            return
        }

        guard let verifier else {
            throw OAuthError(.invalidGrant, debugCause: "code_verifier missing for a code bound to a challenge")
        }
        let method = code.codeChallengeMethod ?? .plain
        guard PKCE.verify(verifier: verifier, challenge: challenge, method: method) else {
            throw OAuthError(.invalidGrant, debugCause: "code_verifier is malformed or does not match the challenge")
        }
    }
}
