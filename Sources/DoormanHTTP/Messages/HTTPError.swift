/// An error that chooses its own HTTP response; the server sends that response instead of a 500.
public protocol HTTPResponseError: Error {
    /// The response to send for this error.
    func response(for request: Request) -> Response
}

/// A client error with a status and a message that is safe to show to the client.
///
/// The body is `{"message": "..."}`, the error shape of Doorman's v5 API.
public struct HTTPError: HTTPResponseError, CustomStringConvertible {
    /// The status to answer with.
    public var status: HTTPStatus
    /// The message for the client; it must not contain secrets.
    public var message: String
    /// Extra header fields, such as `Allow` or `WWW-Authenticate`.
    public var headers: HTTPHeaders

    /// Creates an error with a status, a client-safe message and optional header fields.
    public init(_ status: HTTPStatus, _ message: String, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(message)" }

    public func response(for request: Request) -> Response {
        var response = Response.message(message, status: status)
        for field in headers {
            response.headers.add(name: field.name, value: field.value)
        }
        return response
    }
}
