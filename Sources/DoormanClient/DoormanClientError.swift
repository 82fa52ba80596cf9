/// A failed call to the provider: an error response, a transport failure, or a response that could not be read.
///
/// Switch on `kind`, whose set of values may grow in later versions, so keep a `default` branch. The fields
/// keep what the provider sent: `status`, the OAuth `error` code, and the human-readable `message`.
public struct DoormanClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of a failure. New categories may be added, so a `switch` needs a `default` branch.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable, Hashable {
            case invalidRequest, invalidGrant, invalidClient, unauthorizedClient, unsupportedGrantType, invalidScope
            case badRequest, unauthorized, forbidden, notFound, rateLimited, server, unexpectedStatus
            case transport, timedOut, cancelled, invalidResponse, invalidArgument
        }

        private let code: Code

        private init(_ code: Code) {
            self.code = code
        }

        /// OAuth `invalid_request`: a parameter is missing, repeated or malformed.
        public static let invalidRequest = Kind(.invalidRequest)
        /// OAuth `invalid_grant`: the code or refresh token is unknown, used, expired or revoked, or was issued
        /// to another client or for another redirect URI, or the PKCE verifier does not match.
        public static let invalidGrant = Kind(.invalidGrant)
        /// OAuth `invalid_client`: the client id is unknown or the client secret is wrong or missing.
        public static let invalidClient = Kind(.invalidClient)
        /// OAuth `unauthorized_client`: the client may not use this grant type.
        public static let unauthorizedClient = Kind(.unauthorizedClient)
        /// OAuth `unsupported_grant_type`: the provider does not know the grant type.
        public static let unsupportedGrantType = Kind(.unsupportedGrantType)
        /// OAuth `invalid_scope`: the requested scope is unknown or malformed.
        public static let invalidScope = Kind(.invalidScope)
        /// HTTP 400 without an OAuth error code, such as an invalid query parameter of the API.
        public static let badRequest = Kind(.badRequest)
        /// HTTP 401 from the API: the access token is missing, unknown, expired or revoked.
        public static let unauthorized = Kind(.unauthorized)
        /// HTTP 403: the token is valid but may not read this resource.
        public static let forbidden = Kind(.forbidden)
        /// HTTP 404: no such route or record.
        public static let notFound = Kind(.notFound)
        /// HTTP 429: too many requests. `retryAfter` is the wait that the provider sent, if any.
        public static let rateLimited = Kind(.rateLimited)
        /// HTTP 5xx, or OAuth `server_error` or `temporarily_unavailable`: the provider failed.
        public static let server = Kind(.server)
        /// Any other status outside 200 and 201.
        public static let unexpectedStatus = Kind(.unexpectedStatus)
        /// The request never got a response: no connection, TLS failure, connection reset.
        public static let transport = Kind(.transport)
        /// No response arrived within `OAuthConfiguration.requestTimeout`.
        public static let timedOut = Kind(.timedOut)
        /// The calling task was cancelled.
        public static let cancelled = Kind(.cancelled)
        /// A success status with a body that is not the expected JSON.
        public static let invalidResponse = Kind(.invalidResponse)
        /// An argument could not be put into a request.
        public static let invalidArgument = Kind(.invalidArgument)

        /// The category's name, such as `invalidGrant`.
        public var description: String {
            code.rawValue
        }
    }

    /// The category of the failure.
    public let kind: Kind
    /// The request that failed, as method and path without the query string, such as `POST /v5/oauth/token`.
    public let request: String
    /// The HTTP status code, or nil when no response arrived.
    public let status: Int?
    /// The OAuth `error` code of the body, such as `invalid_grant`, or nil when the body had none.
    public let oauthError: String?
    /// The provider's human-readable text: `error_description` of an OAuth error body or `message` of an API
    /// error body, or nil when the body had neither.
    public let message: String?
    /// The seconds to wait before retrying, from a `Retry-After` header in delta-seconds form, or nil.
    public let retryAfter: Int?
    /// The transport error's description for `.transport`, or the reason a body could not be decoded, or nil.
    public let underlyingError: String?
    /// The start of an unreadable body, at most `excerptLength` characters, or nil. Token responses are never
    /// excerpted, because they carry tokens.
    public let bodyExcerpt: String?

    /// The longest `bodyExcerpt`, in characters.
    public static let excerptLength = 200

    init(
        kind: Kind, request: String, status: Int? = nil, oauthError: String? = nil, message: String? = nil,
        retryAfter: Int? = nil, underlyingError: String? = nil, bodyExcerpt: String? = nil
    ) {
        self.kind = kind
        self.request = request
        self.status = status
        self.oauthError = oauthError
        self.message = message
        self.retryAfter = retryAfter
        self.underlyingError = underlyingError
        self.bodyExcerpt = bodyExcerpt
    }

    /// A sentence naming the request, the status, the provider's error and text, and what to do next.
    public var description: String {
        var text = "\(request) failed"
        if let status {
            text += " with HTTP \(status)"
        }
        if let oauthError {
            text += " \(oauthError)"
        }
        if let message {
            text += ": \(message)"
        }
        if let underlyingError {
            text += " (\(underlyingError))"
        }
        if let bodyExcerpt {
            text += "; body starts \(String(reflecting: bodyExcerpt))"
        }
        if let advice {
            // Provider texts such as `error_description` often end in a period already.
            text += text.hasSuffix(".") ? " " : ". "
            text += advice
        }
        return text
    }
}
