import DoormanHTTP
import DoormanOAuth
import Logging

/// Wraps page handlers so that every failure becomes an HTML page with the security header fields.
struct PageHandler: Sendable {
    let logger: Logger

    /// Returns a router handler that runs `handler` and turns a thrown `PageError`, `RateLimited` or `StoreError` into
    /// a page.
    ///
    /// Other errors are logged and shown as the generic failure page, never as the JSON error of the API.
    func wrap(_ handler: @escaping @Sendable (Request) throws -> Response) -> SynchronousHandler {
        { request in
            do {
                return try handler(request)
            } catch let error as PageError {
                logger.info(
                    "page request rejected",
                    metadata: [
                        "request.id": "\(request.requestID)", "http.route": "\(request.route ?? request.path)",
                        "http.status": "\(error.status.code)", "reason": "\(error.title)",
                    ])
                return error.response()
            } catch let limited as RateLimited {
                return RateLimitResponse.page(retryAfter: limited.retryAfter)
            } catch let error as StoreError {
                log(error, request: request)
                if case .unavailable = error {
                    return PageError.unavailable.response()
                }
                return PageError.internalFailure.response()
            } catch {
                log(error, request: request)
                return PageError.internalFailure.response()
            }
        }
    }

    private func log(_ error: any Error, request: Request) {
        logger.error(
            "page request failed",
            metadata: [
                "request.id": "\(request.requestID)", "http.route": "\(request.route ?? request.path)",
                "error": "\(error)",
            ])
    }
}

/// The body of a page's POST request.
enum PageForm {
    /// Parses the `application/x-www-form-urlencoded` body of `request`.
    ///
    /// Throws `PageError.unreadableForm` for another media type or a malformed body.
    static func parse(_ request: Request) throws(PageError) -> URLEncodedForm {
        guard let contentType = request.headers["Content-Type"],
            let mediaType = try? MediaType.parse(contentType), mediaType.hasEssence(MediaType.formURLEncoded.essence)
        else {
            throw .unreadableForm
        }
        guard let form = try? URLEncodedForm.parse(request.body) else {
            throw .unreadableForm
        }
        return form
    }
}
