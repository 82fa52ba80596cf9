import DoormanHTTP
import DoormanOAuth
import Logging

/// A failed v5 API request: the status, the `{"message": ...}` text and, for a 401,
/// the `WWW-Authenticate` challenge of RFC 6750 section 3.
struct APIFailure: Error, Sendable {
    /// The response status.
    let status: HTTPStatus
    /// The text of the `message` member, safe to show to the client.
    let message: String
    /// The `WWW-Authenticate` value, or nil for failures other than 401.
    let challenge: String?

    /// The body of every 401 of the v5 API. Clients written against Whop's v5 API match on this exact text.
    static let invalidTokenMessage =
        "Your access token is invalid. Please make sure you are passing an access token, and that it is "
        + "correctly formatted."

    /// The request carried no bearer token. RFC 6750 section 3.1 then leaves out the `error` attribute.
    static let missingToken = APIFailure(
        status: .unauthorized, message: invalidTokenMessage, challenge: #"Bearer realm="doorman""#)

    /// The bearer token is malformed, unknown, expired or revoked.
    static let invalidToken = APIFailure(
        status: .unauthorized, message: invalidTokenMessage,
        challenge: #"Bearer realm="doorman", error="invalid_token""#)

    /// The store is unreachable or busy; the client may retry.
    static let unavailable = APIFailure(
        status: .serviceUnavailable, message: "The service is temporarily unavailable; retry in a few seconds.",
        challenge: nil)

    /// A failure inside the server, whose cause goes to the log only.
    static let internalError = APIFailure(
        status: .internalServerError, message: "Internal server error", challenge: nil)

    /// Returns a 400 for a query parameter or path value that the route cannot use.
    static func badRequest(_ message: String) -> APIFailure {
        APIFailure(status: .badRequest, message: message, challenge: nil)
    }

    /// Returns a 404 for a record that does not exist or belongs to another user, which look the same to the client.
    static func notFound(_ message: String) -> APIFailure {
        APIFailure(status: .notFound, message: message, challenge: nil)
    }

    /// The response: the message as JSON, `Cache-Control: no-store`, and the challenge when there is one.
    var response: Response {
        var writer = APIJSONWriter(capacity: message.utf8.count + 16)
        writer.beginObject()
        writer.key("message")
        writer.string(message)
        writer.endObject()

        var response = APIResponse.json(writer.bytes, status: status)
        if let challenge {
            response.headers.add(name: "WWW-Authenticate", value: challenge)
        }
        return response
    }
}

/// Responses of the v5 API.
enum APIResponse {
    /// Returns a JSON response with `Cache-Control: no-store`, because every API response carries user data or a
    /// statement about a user's access.
    static func json(_ bytes: [UInt8], status: HTTPStatus = .ok) -> Response {
        Response(
            status: status,
            headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"],
            body: bytes)
    }

    /// Runs `body` and turns what it throws into a response: an `APIFailure` as itself, a `StoreError` as 503 when
    /// the store is unavailable and as a logged 500 otherwise, and any other error as a logged 500.
    static func run(_ request: Request, logger: Logger, _ body: () throws -> Response) -> Response {
        do {
            return try body()
        } catch let failure as APIFailure {
            return failure.response
        } catch let error as StoreError {
            logger.error(
                "store failed",
                metadata: [
                    "request.id": "\(request.requestID)", "route": "\(request.route ?? "")",
                    "error": "\(error)",
                ])
            if case .unavailable = error {
                return APIFailure.unavailable.response
            }
            return APIFailure.internalError.response
        } catch {
            logger.error(
                "request failed",
                metadata: [
                    "request.id": "\(request.requestID)", "route": "\(request.route ?? "")",
                    "error": "\(String(reflecting: error))",
                ])
            return APIFailure.internalError.response
        }
    }
}
