/// An HTTP request as the router and handlers see it, with its body read in full.
public struct Request: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The path of the request target, still percent-encoded and without the query string.
    public var path: String
    /// The query string after `?`, still percent-encoded; empty when the target had none.
    public var rawQuery: Substring
    /// The decoded query parameters, in order; the server answers 400 before routing when they are malformed.
    public var query: URLEncodedForm
    /// The request header fields.
    public var headers: HTTPHeaders
    /// The request body, at most the server's body limit.
    public var body: [UInt8]
    /// The numeric IP address of the client as seen by the socket: a proxy's address when one is in between.
    public var remoteAddress: String
    /// The client's address: `remoteAddress`, or the address that a trusted proxy names in `X-Forwarded-For`
    /// (`ClientAddress.resolve`). Rate limits and the access log use this one.
    public var clientAddress: String
    /// The request id, taken from a well-formed `X-Request-Id` header or generated; sent back on the response.
    public var requestID: String
    /// The path parameters of the matched route, decoded, keyed by the names in the route template.
    public var parameters: [String: String] = [:]
    /// The template of the matched route, such as `/v5/me/memberships/:id`; nil before routing or when none matched.
    public var route: String?

    /// Creates a request; the server builds these, tests may too.
    public init(
        method: HTTPMethod,
        path: String,
        rawQuery: Substring = "",
        query: URLEncodedForm = URLEncodedForm(),
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1",
        clientAddress: String? = nil,
        requestID: String = "test"
    ) {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.clientAddress = clientAddress ?? remoteAddress
        self.requestID = requestID
    }
}
