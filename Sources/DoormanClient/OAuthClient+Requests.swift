import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The JSON body of a token request, as Whop's own examples send it. Nil members are left out.
struct TokenRequestBody: Encodable, Sendable {
    let grantType: String
    let code: String?
    let refreshToken: String?
    let clientID: String
    let clientSecret: String?
    let redirectURI: String?
    let codeVerifier: String?

    private enum CodingKeys: String, CodingKey {
        case grantType = "grant_type"
        case code
        case refreshToken = "refresh_token"
        case clientID = "client_id"
        case clientSecret = "client_secret"
        case redirectURI = "redirect_uri"
        case codeVerifier = "code_verifier"
    }
}

extension OAuthClient {
    /// The token endpoint's path under the API base.
    static let tokenPath = "v5/oauth/token"

    /// Sends `body` to the token endpoint and decodes the token response.
    func requestTokens(_ body: TokenRequestBody) async throws(DoormanClientError) -> TokenSet {
        let name = "POST /\(Self.tokenPath)"

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let bodyData: Data
        do {
            bodyData = try encoder.encode(body)
        } catch {
            throw DoormanClientError(kind: .invalidArgument, request: name, underlyingError: "\(error)")
        }

        var request = makeRequest(url: configuration.apiBaseURL.appendingEncodedPath(Self.tokenPath))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = bodyData
        // A token response carries tokens, so an unreadable one is never excerpted into the error.
        return try await perform(request, name: name, mayExcerptBody: false)
    }

    /// Sends `GET` to the API path made of `segments`, each percent-encoded, with `query` and the bearer token.
    func get<Value: Decodable>(
        _ segments: [String], query: [(String, String)] = [], accessToken: String
    ) async throws(DoormanClientError) -> Value {
        let relativePath = segments.map(FormEncoding.percentEncode).joined(separator: "/")
        let url = FormEncoding.appendingQuery(query, to: configuration.apiBaseURL.appendingEncodedPath(relativePath))

        var request = makeRequest(url: url)
        request.httpMethod = "GET"
        request.setValue("Bearer \(accessToken)", forHTTPHeaderField: "Authorization")
        return try await perform(request, name: "GET /\(relativePath)", mayExcerptBody: true)
    }

    private func makeRequest(url: URL) -> URLRequest {
        // `Deadline` enforces the exact limit. FoundationNetworking truncates this interval to whole seconds,
        // so it is rounded up to keep a sub-second limit from reaching it as 0.
        let interval = max(1, configuration.requestTimeoutInterval.rounded(.up))
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: interval)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        return request
    }

    /// Sends `request` and decodes a 200 or 201 body as `Value`; any other status becomes the matching error.
    private func perform<Value: Decodable>(
        _ request: URLRequest, name: String, mayExcerptBody: Bool
    ) async throws(DoormanClientError) -> Value {
        let data: Data
        let response: HTTPURLResponse
        do {
            (data, response) = try await Deadline.send(request, over: transport, limit: configuration.requestTimeout)
        } catch {
            throw DoormanClientError.transport(error, request: name)
        }

        // An API may return 201 Created for a successful POST, so both statuses count as success.
        guard response.statusCode == 200 || response.statusCode == 201 else {
            throw DoormanClientError.response(
                status: response.statusCode, body: data,
                retryAfterHeader: response.value(forHTTPHeaderField: "Retry-After"), request: name)
        }
        return try ResponseDecoding.decode(
            Value.self, from: data, status: response.statusCode, request: name, mayExcerptBody: mayExcerptBody)
    }
}

/// Decoding of success bodies into the SDK's models.
enum ResponseDecoding {
    /// Decodes `data` as `Value`, or throws `.invalidResponse` naming what was wrong with the body.
    static func decode<Value: Decodable>(
        _ type: Value.Type, from data: Data, status: Int, request: String, mayExcerptBody: Bool
    ) throws(DoormanClientError) -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw DoormanClientError(
                kind: .invalidResponse, request: request, status: status, underlyingError: reason(for: error),
                bodyExcerpt: mayExcerptBody ? DoormanClientError.excerpt(of: data) : nil)
        }
    }

    /// Returns a short reason naming the JSON path at fault, without any value from the body.
    static func reason(for error: any Error) -> String {
        guard let decodingError = error as? DecodingError else {
            return "undecodable body"
        }

        switch decodingError {
        case .keyNotFound(let key, let context):
            return "missing key \(path(context.codingPath + [key]))"
        case .valueNotFound(_, let context):
            return "null value at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "body is not JSON"
        case .dataCorrupted(let context):
            return "invalid value at \(path(context.codingPath))"
        @unknown default:
            return "undecodable body"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else {
            return "the top level"
        }
        return codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
