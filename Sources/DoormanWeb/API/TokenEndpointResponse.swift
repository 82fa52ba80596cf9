import DoormanHTTP
import DoormanOAuth
import Logging

/// The HTTP responses of the token, revocation and introspection endpoints (RFC 6749 sections 5.1 and 5.2).
enum TokenEndpointResponse {
    /// The challenge of every 401, naming the one authentication scheme the endpoint accepts in a header.
    static let basicChallenge = #"Basic realm="doorman""#

    /// Returns a 200 with the token response's fields in wire order and the no-cache headers.
    static func success(_ response: TokenResponse) -> Response {
        Response(status: .ok, headers: standardHeaders(), body: serialize(response.fields))
    }

    /// Returns an error response: `error` and `error_description`, the error's status, the no-cache headers, and on a
    /// 401 `WWW-Authenticate: Basic`, which RFC 6749 section 5.2 requires with `invalid_client`.
    static func failure(_ error: OAuthError) -> Response {
        var headers = standardHeaders()
        if error.status == HTTPStatus.unauthorized.code {
            headers.add(name: "WWW-Authenticate", value: basicChallenge)
        }
        return Response(status: status(error.status), headers: headers, body: serialize(error.fields))
    }

    /// Returns a 200 whose JSON body has `fields` in order, with the no-cache headers.
    static func json(_ fields: [(name: String, value: FieldValue)]) -> Response {
        Response(status: .ok, headers: standardHeaders(), body: serialize(fields))
    }

    /// Logs a failure of the store with `message` and returns `temporarily_unavailable` when the database is
    /// unreachable or busy, `server_error` otherwise.
    static func storeFailure(
        _ error: any Error, request: Request, logger: Logger, message: Logger.Message
    ) -> Response {
        logger.error(
            message,
            metadata: [
                "request.id": "\(request.requestID)", "http.route": "\(request.route ?? request.path)",
                "error": "\(String(reflecting: error))",
            ])
        return failure(OAuthError(errorCode(forStoreFailure: error)))
    }

    /// Returns the error code that a failed store call becomes: `temporarily_unavailable` when the database could
    /// not be reached, `server_error` otherwise.
    static func errorCode(forStoreFailure error: any Error) -> OAuthErrorCode {
        if case .unavailable = error as? StoreError {
            return .temporarilyUnavailable
        }
        return .serverError
    }

    /// `Content-Type: application/json; charset=utf-8`, `Cache-Control: no-store` and `Pragma: no-cache`.
    private static func standardHeaders() -> HTTPHeaders {
        var headers = HTTPHeaders()
        for field in TokenResponse.headers {
            headers.add(name: field.name, value: field.value)
        }
        return headers
    }

    /// Serializes fields as a JSON object whose members keep the order of `fields`.
    static func serialize(_ fields: [(name: String, value: FieldValue)]) -> [UInt8] {
        var object = JSONObject()
        for field in fields {
            switch field.value {
            case .string(let text): object[field.name] = .string(text)
            case .integer(let number): object[field.name] = .number(JSONNumber(number))
            case .boolean(let flag): object[field.name] = .bool(flag)
            case .null: object[field.name] = .null
            }
        }
        return JSONValue.object(object).serialized()
    }

    private static func status(_ code: Int) -> HTTPStatus {
        switch code {
        case HTTPStatus.badRequest.code: .badRequest
        case HTTPStatus.unauthorized.code: .unauthorized
        case HTTPStatus.internalServerError.code: .internalServerError
        default: HTTPStatus(code: code)
        }
    }
}
