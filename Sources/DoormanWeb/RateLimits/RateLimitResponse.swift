import DoormanHTTP
import DoormanOAuth

/// The 429 responses of a request over a rate limit, each with `Retry-After` in seconds (RFC 9110 section 10.2.3).
enum RateLimitResponse {
    /// The body text of a 429 from the v5 API and the token endpoint. Clients written against Whop's v5 API match
    /// on this exact text.
    static let message = "You are being rate limited"

    /// Returns the JSON 429 of the API and the token endpoint: `{"message": "You are being rate limited"}`.
    static func api(retryAfter: Int64) -> Response {
        var response = APIFailure(status: .tooManyRequests, message: message, challenge: nil).response
        response.headers.add(name: "Retry-After", value: String(retryAfter))
        return response
    }

    /// Returns the HTML 429 of the pages, with the seconds to wait in its text.
    static func page(retryAfter: Int64) -> Response {
        let wait = retryAfter == 1 ? "1 second" : "\(retryAfter) seconds"
        let title = "Too many attempts"
        let markup: HTML = """
            <h1>\(title)</h1>
            <p class="error">You are being rate limited. Wait \(wait), then try again.</p>
            """
        var response = PageResponse.page(PageLayout.document(title: title, body: markup), status: .tooManyRequests)
        response.headers.add(name: "Retry-After", value: String(retryAfter))
        return response
    }
}

/// A page request over a rate limit. `PageHandler` turns it into `RateLimitResponse.page`.
struct RateLimited: Error, Sendable {
    /// Seconds until the client may retry, at least 1.
    let retryAfter: Int64
}
