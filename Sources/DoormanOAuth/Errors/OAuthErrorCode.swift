/// An OAuth 2.0 `error` code as sent in token and authorization error responses.
///
/// The set is the one of RFC 6749 sections 4.1.2.1 and 5.2 plus `invalid_redirect_uri`, which
/// Doorkeeper, the Ruby OAuth provider whose error texts this server reproduces, also sends.
public enum OAuthErrorCode: String, Sendable, Hashable, CaseIterable {
    /// `invalid_request`: a parameter is missing, repeated, unsupported or malformed.
    case invalidRequest = "invalid_request"
    /// `invalid_client`: the client is unknown or its authentication failed.
    case invalidClient = "invalid_client"
    /// `invalid_grant`: the code or refresh token is invalid, expired, used, or bound to something else.
    case invalidGrant = "invalid_grant"
    /// `unauthorized_client`: the client may not use this grant or response type.
    case unauthorizedClient = "unauthorized_client"
    /// `unsupported_grant_type`: the `grant_type` is not one this server implements.
    case unsupportedGrantType = "unsupported_grant_type"
    /// `invalid_scope`: the `scope` is unknown, malformed, or wider than the grant.
    case invalidScope = "invalid_scope"
    /// `unsupported_response_type`: the `response_type` is not `code`.
    case unsupportedResponseType = "unsupported_response_type"
    /// `access_denied`: the user or the server denied the authorization.
    case accessDenied = "access_denied"
    /// `invalid_redirect_uri`: the `redirect_uri` is malformed or not registered for the client.
    case invalidRedirectURI = "invalid_redirect_uri"
    /// `server_error`: an unexpected failure inside the server.
    case serverError = "server_error"
    /// `temporarily_unavailable`: the server is overloaded or in maintenance.
    case temporarilyUnavailable = "temporarily_unavailable"

    /// The `error_description` that clients receive with this code.
    ///
    /// Clients written against Whop's v5 API match on these texts, so they are byte for byte the English
    /// messages of Doorkeeper (`config/locales/en.yml`).
    public var standardDescription: String {
        switch self {
        case .invalidRequest:
            "The request is missing a required parameter, includes an unsupported parameter value, "
                + "or is otherwise malformed."
        case .invalidClient:
            "Client authentication failed due to unknown client, no client authentication included, "
                + "or unsupported authentication method."
        case .invalidGrant:
            "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI "
                + "used in the authorization request, or was issued to another client."
        case .unauthorizedClient:
            "The client is not authorized to perform this request using this method."
        case .unsupportedGrantType:
            "The authorization grant type is not supported by the authorization server."
        case .invalidScope:
            "The requested scope is invalid, unknown, or malformed."
        case .unsupportedResponseType:
            "The authorization server does not support this response type."
        case .accessDenied:
            "The resource owner or authorization server denied the request."
        case .invalidRedirectURI:
            "The requested redirect uri is malformed or doesn't match client redirect URI."
        case .serverError:
            "The authorization server encountered an unexpected condition which prevented it "
                + "from fulfilling the request."
        case .temporarilyUnavailable:
            "The authorization server is currently unable to handle the request due to a temporary overloading "
                + "or maintenance of the server."
        }
    }
}
