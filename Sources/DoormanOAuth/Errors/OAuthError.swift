/// An OAuth 2.0 error: the `error` code, the client-facing `error_description`, and a cause for logs only.
///
/// The token and authorization request rules throw or return this one type, so the HTTP layer has a single way to turn
/// a failure into a response: `status` and `fields` for the token endpoint, `isRedirectable` at authorize.
public struct OAuthError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `error` code sent to the client.
    public let code: OAuthErrorCode

    /// The `error_description` sent to the client. It contains only printable ASCII other than `"` and `\`,
    /// as RFC 6749 section 5.2 requires, and never a secret or a value taken from the request.
    public let description: String

    /// The detailed reason for logs. It must never reach the client, because it may name internal state.
    public let debugCause: String?

    /// Creates an error with the standard description of `code`.
    public init(_ code: OAuthErrorCode, debugCause: String? = nil) {
        self.code = code
        self.description = code.standardDescription
        self.debugCause = debugCause
    }

    /// Creates an `invalid_request` error whose description is `Missing required parameter: <name>.`.
    ///
    /// `name` must be a parameter name chosen by this server, such as `code`, so that no request text is echoed.
    public static func missingParameter(_ name: String, debugCause: String? = nil) -> OAuthError {
        precondition(
            !name.isEmpty && name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isASCIILetterOrDigit($0) },
            "parameter name must be letters, digits and underscores, got \(name)")
        return OAuthError(
            code: .invalidRequest, description: "Missing required parameter: \(name).", debugCause: debugCause)
    }

    private init(code: OAuthErrorCode, description: String, debugCause: String?) {
        self.code = code
        self.description = description
        self.debugCause = debugCause
    }

    /// The HTTP status of a token endpoint error response.
    ///
    /// 401 for `invalid_client` and `unauthorized_client`, where the response must also carry a
    /// `WWW-Authenticate` header. 500 for `server_error`, because a failure inside the server is not
    /// the client's fault and monitors and retrying proxies expect a 5xx status for it. 400 for every
    /// other code, `temporarily_unavailable` included.
    public var status: Int {
        switch code {
        case .invalidClient, .unauthorizedClient: 401
        case .serverError: 500
        default: 400
        }
    }

    /// Whether the authorization endpoint may send this error to the client's verified redirect URI.
    ///
    /// RFC 6749 section 4.1.2.1 defines the codes of an authorization error response: `invalid_request`,
    /// `unauthorized_client`, `access_denied`, `unsupported_response_type`, `invalid_scope`, `server_error`
    /// and `temporarily_unavailable`. Any other code is shown to the user on an error page instead.
    public var isRedirectable: Bool {
        switch code {
        case .invalidRequest, .unauthorizedClient, .accessDenied, .unsupportedResponseType, .invalidScope,
            .serverError, .temporarilyUnavailable:
            true
        case .invalidClient, .invalidGrant, .unsupportedGrantType, .invalidRedirectURI:
            false
        }
    }

    /// The JSON body of an error response, in key order: `error`, then `error_description`.
    public var fields: [(name: String, value: FieldValue)] {
        [("error", .string(code.rawValue)), ("error_description", .string(description))]
    }
}

private func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}
