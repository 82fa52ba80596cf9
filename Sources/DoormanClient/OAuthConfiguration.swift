import Foundation

/// A web app's OAuth registration and the provider it signs users in with: Whop or a Doorman server.
public struct OAuthConfiguration: Sendable, Hashable {
    /// The provider's two base addresses: the browser-facing authorize page and the API.
    public struct Endpoints: Sendable, Hashable {
        /// The authorize page that the browser is sent to, such as `https://whop.com/oauth`.
        public var authorizeURL: URL
        /// The API base that `/v5/oauth/token`, `/v5/me` and `/check/…` are appended to, such as
        /// `https://api.whop.com`. It must have no query or fragment.
        public var apiBaseURL: URL

        /// Creates endpoints from two explicit addresses.
        public init(authorizeURL: URL, apiBaseURL: URL) {
            self.authorizeURL = authorizeURL
            self.apiBaseURL = apiBaseURL
        }

        /// Whop's production endpoints: `https://whop.com/oauth` and `https://api.whop.com`.
        public static let whop = Endpoints(
            authorizeURL: URL(string: "https://whop.com/oauth")!, apiBaseURL: URL(string: "https://api.whop.com")!)

        /// Returns the endpoints of a Doorman server at `baseURL`, which serves the authorize page at
        /// `<baseURL>/oauth` and the API at `<baseURL>` itself.
        ///
        /// `baseURL` may carry a path prefix, such as `https://example.com/doorman`, but no query or fragment.
        public static func doorman(baseURL: URL) -> Endpoints {
            Endpoints(authorizeURL: baseURL.appendingEncodedPath("oauth"), apiBaseURL: baseURL)
        }
    }

    /// The web app's OAuth `client_id`.
    public var clientID: String
    /// The web app's `client_secret`, or nil for a public client, which then relies on PKCE alone.
    ///
    /// Keep it on the server: an app that runs in the user's browser or on the user's device is a public client.
    public var clientSecret: String?
    /// The callback URL as registered, sent byte for byte as `redirect_uri`, because the provider compares
    /// it with the registered one exactly.
    public var redirectURI: String
    /// The addresses of the authorize page and the API.
    public var endpoints: Endpoints
    /// The time one HTTP request may take, from sending to the whole response, before it fails with
    /// `DoormanClientError.Kind.timedOut`. Default 30 s.
    public var requestTimeout: Duration

    /// Creates a configuration. `endpoints` defaults to Whop; pass `.doorman(baseURL:)` for a Doorman server.
    public init(
        clientID: String, clientSecret: String?, redirectURI: String, endpoints: Endpoints = .whop,
        requestTimeout: Duration = .seconds(30)
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.endpoints = endpoints
        self.requestTimeout = requestTimeout
    }

    /// The authorize page: `endpoints.authorizeURL`.
    public var authorizeURL: URL {
        endpoints.authorizeURL
    }

    /// The API base: `endpoints.apiBaseURL`.
    public var apiBaseURL: URL {
        endpoints.apiBaseURL
    }

    /// `requestTimeout` in seconds, as `URLRequest.timeoutInterval` takes it.
    var requestTimeoutInterval: TimeInterval {
        let components = requestTimeout.components
        return TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18
    }
}

extension URL {
    /// Returns this URL with `relativePath` appended behind exactly one `/`, whether or not the path already
    /// ends in `/`. `relativePath` must be percent-encoded already and must not start with `/`.
    func appendingEncodedPath(_ relativePath: String) -> URL {
        var text = absoluteString
        while text.hasSuffix("/") {
            text.removeLast()
        }
        // A valid URL followed by `/` and percent-encoded segments is still a valid URL.
        return URL(string: text + "/" + relativePath)!
    }
}
