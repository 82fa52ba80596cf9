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

/// The default transport: a `URLSession` of its own that, by default, neither caches responses nor stores
/// cookies or credentials.
///
/// Token responses and `/v5/…` bodies are per-user secrets, so nothing of them should land in a shared cache.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    #if canImport(FoundationNetworking)
        private let collector: ResponseCollector
    #endif

    /// Creates a transport with a new session made from `configuration`.
    public init(configuration: URLSessionConfiguration = URLSessionTransport.makeDefaultConfiguration()) {
        #if canImport(FoundationNetworking)
            collector = ResponseCollector()
            session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        #else
            session = URLSession(configuration: configuration)
        #endif
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Returns a new ephemeral configuration with no cache, no cookie storage and no credential storage.
    public static func makeDefaultConfiguration() -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        return configuration
    }

    /// Sends `request` and returns the response, an error status included.
    public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        #if canImport(FoundationNetworking)
            return try await collector.send(request, on: session)
        #else
            let (data, response) = try await session.data(for: request)
            guard let httpResponse = response as? HTTPURLResponse else {
                throw URLError(.badServerResponse)
            }
            return (data, httpResponse)
        #endif
    }
}
