import DoormanOAuth

/// Web apps and secrets shared by the request rule tests.
enum Fixtures {
    static let secret = "s3cr3t-value-for-tests"
    static let callback = "https://app.example/callback"
    static let otherCallback = "https://app.example/other"

    /// A confidential client with one registered redirect URI.
    static let confidentialApp = WebApp(
        id: "exp_conf", companyID: "biz_1", name: "Confidential", clientID: "app_conf",
        clientSecretHash: TokenHash.of(secret), redirectURIs: [callback], productIDs: ["prod_1"], createdAt: 0)

    /// A confidential client with two registered redirect URIs.
    static let twoCallbackApp = WebApp(
        id: "exp_two", companyID: "biz_1", name: "Two callbacks", clientID: "app_two",
        clientSecretHash: TokenHash.of(secret), redirectURIs: [callback, otherCallback], productIDs: ["prod_1"],
        createdAt: 0)

    /// A public client, which has no secret and needs PKCE.
    static let publicApp = WebApp(
        id: "exp_pub", companyID: "biz_1", name: "Public", clientID: "app_pub", clientSecretHash: nil,
        redirectURIs: [callback], productIDs: ["prod_1"], createdAt: 0)

    /// A confidential client configured to require PKCE.
    static let pkceApp = WebApp(
        id: "exp_pkce", companyID: "biz_1", name: "PKCE", clientID: "app_pkce",
        clientSecretHash: TokenHash.of(secret), redirectURIs: [callback], productIDs: ["prod_1"], requirePKCE: true,
        createdAt: 0)

    static let allApps = [confidentialApp, twoCallbackApp, publicApp, pkceApp]

    /// Returns the fixture web app with `clientID`, or nil.
    static func lookup(_ clientID: String) -> WebApp? {
        allApps.first { $0.clientID == clientID }
    }

    // RFC 7636 Appendix B.
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
}

/// The exact client-facing descriptions, repeated here so that a change to the source texts fails the tests.
enum WireText {
    static let invalidRequest =
        "The request is missing a required parameter, includes an unsupported parameter value, "
        + "or is otherwise malformed."
    static let invalidClient =
        "Client authentication failed due to unknown client, no client authentication included, "
        + "or unsupported authentication method."
    static let invalidGrant =
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI "
        + "used in the authorization request, or was issued to another client."
    static let unsupportedGrantType = "The authorization grant type is not supported by the authorization server."
    static let invalidScope = "The requested scope is invalid, unknown, or malformed."
    static let unsupportedResponseType = "The authorization server does not support this response type."
    static let invalidRedirectURI = "The requested redirect uri is malformed or doesn't match client redirect URI."
}
