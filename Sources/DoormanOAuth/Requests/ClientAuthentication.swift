/// Authentication of the client at the token, revocation and introspection endpoints (RFC 6749 sections 2.3
/// and 3.2.1).
public enum ClientAuthentication {
    /// Checks `secret` against `client` and returns the authenticated client.
    ///
    /// - Parameters:
    ///   - client: The web app whose `clientID` is the request's `client_id`, or nil when none has it.
    ///   - secret: The `client_secret` the request carried, or nil.
    ///
    /// Every failure is `invalid_client`:
    /// - an unknown client;
    /// - a confidential client (one with a secret hash) that sent no secret or a wrong one. The
    ///   SHA-256 hashes are compared in constant time;
    /// - a public client that sent a secret. It has none, so a secret means the caller is confused about
    ///   which client it is, and accepting it would let a public client pass as authenticated.
    ///
    /// A public client passes with no secret. It is not authenticated, so its codes must be bound to
    /// PKCE, which `CodeRedemption.check` enforces.
    public static func verify(client: WebApp?, secret: String?) throws(OAuthError) -> WebApp {
        guard let client else {
            throw OAuthError(.invalidClient, debugCause: "unknown client_id")
        }

        switch (client.clientSecretHash, secret) {
        case (nil, nil):
            return client
        case (nil, .some):
            throw OAuthError(.invalidClient, debugCause: "public client \(client.clientID) sent a client_secret")
        case (.some, nil):
            throw OAuthError(.invalidClient, debugCause: "client \(client.clientID) sent no client_secret")
        case (.some(let expectedHash), .some(let secret)):
            guard TokenHash.matches(secret, hash: expectedHash) else {
                throw OAuthError(.invalidClient, debugCause: "wrong client_secret for client \(client.clientID)")
            }
            return client
        }
    }

    /// Checks `secret` against `client` as `verify` does, and also rejects a public client.
    ///
    /// The introspection endpoint requires an authenticated caller (RFC 7662 section 2.1), and a public client
    /// has no secret to authenticate with, so every public client gets `invalid_client` here.
    public static func verifyConfidential(client: WebApp?, secret: String?) throws(OAuthError) -> WebApp {
        let verified = try verify(client: client, secret: secret)
        guard verified.clientSecretHash != nil else {
            throw OAuthError(.invalidClient, debugCause: "public client \(verified.clientID) cannot authenticate")
        }
        return verified
    }
}
