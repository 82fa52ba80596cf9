import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension DoormanClientError {
    /// Builds the error for a response whose status is neither 200 nor 201, reading the body as an OAuth error
    /// (`{"error", "error_description"}`, RFC 6749 section 5.2) or an API error (`{"message"}`) when it is one.
    static func response(
        status: Int, body: Data, retryAfterHeader: String?, request: String
    ) -> DoormanClientError {
        let decoded = try? JSONDecoder().decode(ErrorBody.self, from: body)
        let readable = decoded.map { $0.error != nil || $0.text != nil } ?? false

        return DoormanClientError(
            kind: Kind.classify(status: status, oauthError: decoded?.error), request: request, status: status,
            oauthError: decoded?.error, message: decoded?.text, retryAfter: retryAfterHeader.flatMap(parseRetryAfter),
            bodyExcerpt: readable || body.isEmpty ? nil : excerpt(of: body))
    }

    /// Builds the error for a request that got no response: `error` is what the transport threw.
    static func transport(_ error: any Error, request: String) -> DoormanClientError {
        if let clientError = error as? DoormanClientError {
            return clientError
        }
        if error is CancellationError {
            return DoormanClientError(kind: .cancelled, request: request)
        }

        if let urlError = error as? URLError {
            switch urlError.code {
            case .timedOut:
                return DoormanClientError(kind: .timedOut, request: request)
            case .cancelled:
                return DoormanClientError(kind: .cancelled, request: request)
            default:
                let reason = "\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))"
                return DoormanClientError(kind: .transport, request: request, underlyingError: reason)
            }
        }
        return DoormanClientError(kind: .transport, request: request, underlyingError: String(describing: error))
    }

    /// Returns the first `excerptLength` characters of `body`, read as UTF-8 with invalid bytes replaced.
    static func excerpt(of body: Data) -> String {
        String(String(decoding: body.prefix(excerptLength * 4), as: UTF8.self).prefix(excerptLength))
    }

    /// Reads a `Retry-After` value in delta-seconds form (RFC 9110 section 10.2.3); an HTTP date gives nil.
    private static func parseRetryAfter(_ value: String) -> Int? {
        Int(value.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// What the caller should do next, or nil when no advice applies.
    var advice: String? {
        switch kind {
        case .invalidGrant:
            "Start the sign-in again to get a new code, or sign the user in again if a refresh failed"
        case .invalidClient:
            "Check OAuthConfiguration.clientID and clientSecret against the web app's registration"
        case .unauthorized:
            "Refresh the access token, or sign the user in again"
        case .rateLimited:
            retryAfter.map { "Retry after \($0) seconds" } ?? "Retry later"
        case .server, .timedOut:
            "Retry later"
        case .transport, .invalidResponse:
            "Check that OAuthConfiguration.endpoints points at a running Doorman server or at Whop"
        default:
            nil
        }
    }
}

extension DoormanClientError.Kind {
    /// Maps an OAuth `error` code first and the HTTP status second to a kind.
    static func classify(status: Int, oauthError: String?) -> Self {
        switch oauthError {
        case "invalid_request": return .invalidRequest
        case "invalid_grant": return .invalidGrant
        case "invalid_client": return .invalidClient
        case "unauthorized_client": return .unauthorizedClient
        case "unsupported_grant_type": return .unsupportedGrantType
        case "invalid_scope": return .invalidScope
        case "invalid_token": return .unauthorized
        case "server_error", "temporarily_unavailable": return .server
        default: break
        }

        switch status {
        case 400: return .badRequest
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404: return .notFound
        case 429: return .rateLimited
        case 500...599: return .server
        default: return .unexpectedStatus
        }
    }
}

/// An error body in any of the shapes providers send: `{"error": "code", "error_description": "text"}` (OAuth),
/// `{"message": "text"}` (Whop's v5 API), or `{"error": {"message": "text"}}` (Whop's newer APIs).
struct ErrorBody: Decodable {
    /// The OAuth error code, or nil.
    let error: String?
    /// The first present of `error_description`, `message` and the nested `error.message`, in that order.
    let text: String?

    private enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
        case message
    }

    private struct NestedError: Decodable {
        let message: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try? container.decodeIfPresent(String.self, forKey: .error)
        let nested = try? container.decodeIfPresent(NestedError.self, forKey: .error)
        let description = try? container.decodeIfPresent(String.self, forKey: .errorDescription)
        let message = try? container.decodeIfPresent(String.self, forKey: .message)

        error = code
        text = description ?? message ?? nested?.message
    }
}
