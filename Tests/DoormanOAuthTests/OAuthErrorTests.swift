import DoormanOAuth
import Testing

struct OAuthErrorTests {
    @Test(arguments: [
        (
            OAuthErrorCode.invalidRequest, "invalid_request",
            "The request is missing a required parameter, includes an unsupported parameter value, "
                + "or is otherwise malformed."
        ),
        (
            .invalidClient, "invalid_client",
            "Client authentication failed due to unknown client, no client authentication included, "
                + "or unsupported authentication method."
        ),
        (
            .invalidGrant, "invalid_grant",
            "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI "
                + "used in the authorization request, or was issued to another client."
        ),
        (
            .unauthorizedClient, "unauthorized_client",
            "The client is not authorized to perform this request using this method."
        ),
        (
            .unsupportedGrantType, "unsupported_grant_type",
            "The authorization grant type is not supported by the authorization server."
        ),
        (.invalidScope, "invalid_scope", "The requested scope is invalid, unknown, or malformed."),
        (
            .unsupportedResponseType, "unsupported_response_type",
            "The authorization server does not support this response type."
        ),
        (.accessDenied, "access_denied", "The resource owner or authorization server denied the request."),
        (
            .invalidRedirectURI, "invalid_redirect_uri",
            "The requested redirect uri is malformed or doesn't match client redirect URI."
        ),
        (
            .serverError, "server_error",
            "The authorization server encountered an unexpected condition which prevented it "
                + "from fulfilling the request."
        ),
        (
            .temporarilyUnavailable, "temporarily_unavailable",
            "The authorization server is currently unable to handle the request due to a temporary overloading "
                + "or maintenance of the server."
        ),
    ])
    func descriptionIsExactWireText(code: OAuthErrorCode, wireCode: String, text: String) {
        let error = OAuthError(code)

        #expect(code.rawValue == wireCode)
        #expect(error.description == text)
        #expect(error.code == code)
    }

    @Test func everyCodeIsInTheTable() {
        #expect(OAuthErrorCode.allCases.count == 11)
    }

    @Test func missingParameterNamesIt() {
        let error = OAuthError.missingParameter("code")

        #expect(error.code == .invalidRequest)
        #expect(error.description == "Missing required parameter: code.")
        #expect(OAuthError.missingParameter("refresh_token").description
            == "Missing required parameter: refresh_token.")
    }

    @Test(arguments: [
        (OAuthErrorCode.invalidClient, 401),
        (.unauthorizedClient, 401),
        (.serverError, 500),
        (.invalidRequest, 400),
        (.invalidGrant, 400),
        (.unsupportedGrantType, 400),
        (.invalidScope, 400),
        (.unsupportedResponseType, 400),
        (.accessDenied, 400),
        (.invalidRedirectURI, 400),
        (.temporarilyUnavailable, 400),
    ])
    func statusFollowsCode(code: OAuthErrorCode, status: Int) {
        #expect(OAuthError(code).status == status)
    }

    @Test(arguments: OAuthErrorCode.allCases)
    func onlyAuthorizationCodesRedirect(code: OAuthErrorCode) {
        let redirectable: Set<OAuthErrorCode> = [
            .invalidRequest, .unauthorizedClient, .accessDenied, .unsupportedResponseType, .invalidScope,
            .serverError, .temporarilyUnavailable,
        ]

        #expect(OAuthError(code).isRedirectable == redirectable.contains(code))
    }

    @Test func fieldsComeInWireOrder() {
        let fields = OAuthError(.invalidGrant, debugCause: "code expired").fields

        #expect(fields.map(\.name) == ["error", "error_description"])
        #expect(fields[0].value == .string("invalid_grant"))
        #expect(fields[1].value == .string(OAuthErrorCode.invalidGrant.standardDescription))
    }

    @Test func debugCauseStaysOutOfFields() {
        let error = OAuthError(.invalidClient, debugCause: "secret mismatch for app_123")

        #expect(error.debugCause == "secret mismatch for app_123")
        #expect(!error.fields.contains { $0.value == .string("secret mismatch for app_123") })
        #expect(!error.description.contains("app_123"))
    }

    @Test(arguments: OAuthErrorCode.allCases)
    func descriptionUsesAllowedCharacters(code: OAuthErrorCode) {
        // RFC 6749 section 5.2: %x20-21 / %x23-5B / %x5D-7E, so no quote, backslash or non-ASCII.
        let allowed = code.standardDescription.unicodeScalars.allSatisfy { scalar in
            (0x20...0x7E).contains(scalar.value) && scalar != "\"" && scalar != "\\"
        }

        #expect(allowed)
    }
}
