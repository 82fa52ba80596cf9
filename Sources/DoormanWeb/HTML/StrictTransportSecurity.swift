import DoormanHTTP

/// A middleware that adds `Strict-Transport-Security` to every routed response while the public URL is `https`.
///
/// The field makes browsers use `https` for this host for a year (RFC 6797). Behind plain `http` it is left out,
/// because browsers ignore it there and a loopback test setup must stay reachable over `http`. It does not cover
/// `includeSubDomains`, since other services may share the parent domain.
public struct StrictTransportSecurity: Middleware {
    /// The field value: one year in seconds.
    public static let value = "max-age=31536000"

    private let publicURL: PublicBaseURL

    /// Creates the middleware for the server reached at `publicURL`.
    public init(publicURL: PublicBaseURL) {
        self.publicURL = publicURL
    }

    /// Adds the field when the public URL is `https`.
    public func finish(_ request: Request, _ response: inout Response) {
        if publicURL.isHTTPS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: Self.value)
        }
    }
}
