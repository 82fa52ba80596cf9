import Foundation
import Logging

/// The demo web app's settings: where it listens, its public address, and its registration at Doorman.
public struct DemoConfiguration: Sendable, Equatable {
    /// The address the HTTP server listens on. Default `127.0.0.1`.
    public var host = "127.0.0.1"
    /// The TCP port the HTTP server listens on. Default 8081.
    public var port = 8081
    /// The address browsers reach the app at, such as `http://127.0.0.1:8081`, without a path.
    ///
    /// The callback URL is `<publicURL>/callback/whop`, and `POST` forms must come from this origin.
    public var publicURL: URL
    /// The base address of the Doorman server, such as `http://127.0.0.1:8080`.
    public var doormanURL: URL
    /// The web app's OAuth `client_id`, `app_…`.
    public var clientID: String
    /// The web app's `client_secret`, or nil for a public client, which relies on PKCE alone.
    public var clientSecret: String?
    /// The `prod_…` product whose valid membership opens the members-only page.
    public var productID: String
    /// The minimum level written to the log on standard error. Default `info`.
    public var logLevel: Logger.Level = .info

    /// Creates a configuration. `publicURL` defaults to `http://<host>:<port>`.
    public init(
        host: String = "127.0.0.1", port: Int = 8081, publicURL: URL? = nil, doormanURL: URL, clientID: String,
        clientSecret: String?, productID: String, logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL ?? Self.defaultPublicURL(host: host, port: port)
        self.doormanURL = doormanURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.productID = productID
        self.logLevel = logLevel
    }

    /// The callback URL that Doorman redirects to, as registered for the web app: `<publicURL>/callback/whop`.
    public var redirectURI: String {
        publicURL.absoluteString + DemoRoutes.callbackPath
    }

    /// The origin of `publicURL`, `scheme://host[:port]`, which a form's `Origin` header must equal.
    var publicOrigin: String {
        publicURL.absoluteString
    }

    /// Whether cookies get the `Secure` attribute: when the public address is `https`.
    var usesSecureCookies: Bool {
        publicURL.scheme == "https"
    }

    /// The hub's page of `productID`, where a visitor without a membership can buy one.
    var productPageURL: String {
        doormanURL.absoluteString + "/products/" + productID
    }

    static func defaultPublicURL(host: String, port: Int) -> URL {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        // An IP address or host name and a port in range always make a valid URL.
        return URL(string: "http://\(hostPart):\(port)")!
    }
}
