import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends one HTTP request and returns the response, whatever its status.
///
/// `OAuthClient` uses `URLSessionTransport` unless given another, so an app can route requests through its
/// own HTTP stack, add logging, or count requests. An implementation throws only when no response arrived.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the body and the response, for any status code.
    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse)
}

/// The default transport: a `URLSession` that neither caches responses nor stores cookies.
///
/// Token responses and `/v5/…` bodies are per-user secrets, so nothing of them should land in a shared cache.
public struct URLSessionTransport: HTTPTransport {
    /// The session that sends requests.
    public let session: URLSession

    /// Creates a transport over `session`.
    public init(session: URLSession) {
        self.session = session
    }

    /// Creates a transport over a new ephemeral session with no cache and no cookie storage.
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        self.init(session: URLSession(configuration: configuration))
    }

    /// Sends `request` with `URLSession.data(for:)`.
    public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await session.data(for: request)
        guard let httpResponse = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        return (data, httpResponse)
    }
}
