/// An HTTP response: status, header fields and a body sent in one piece.
public struct Response: Sendable {
    /// The status code.
    public var status: HTTPStatus
    /// The header fields; `Content-Length` and `Date` are added by the server.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a response whose body is `text` in UTF-8 with the given media type.
    public init(status: HTTPStatus = .ok, contentType: String, text: String) {
        self.init(status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
    }

    /// Returns a JSON response with already serialized bytes as its body.
    public static func json(_ bytes: [UInt8], status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: bytes)
    }

    /// Returns a JSON response `{"message": "..."}`, the error shape of Doorman's v5 API.
    public static func message(_ text: String, status: HTTPStatus) -> Response {
        json(JSONValue.object(["message": .string(text)]).serialized(), status: status)
    }
}
