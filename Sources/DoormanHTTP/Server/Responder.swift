import Logging

/// Turns a request into a response: routing, middleware, handler, and errors into responses.
///
/// It has no socket, so tests can drive the whole request path in process.
public struct Responder: Sendable {
    /// The router with its routes and middleware.
    public let router: Router
    let logger: Logger

    /// Creates a responder for `router` that logs handler failures to `logger`.
    public init(router: Router, logger: Logger) {
        self.router = router
        self.logger = logger
    }

    /// What a request needs next: a response now, or an asynchronous handler to await.
    ///
    /// Both carry the request as routed, with its `route` template and path parameters set when a route matched.
    public enum Outcome: Sendable {
        case response(Response, Request)
        case deferred(Request, AsynchronousHandler)
    }

    /// Routes `request` and runs middleware and a synchronous handler; an asynchronous route is returned deferred.
    public func respond(to request: Request) -> Outcome {
        var request = request
        do {
            switch try router.match(request.method, path: request.path) {
            case .notFound:
                return .response(finish(request, Self.notFound(request)), request)
            case .methodNotAllowed(let allowed):
                return .response(finish(request, Self.methodNotAllowed(request, allowed: allowed)), request)
            case .found(let route, let parameters):
                request.parameters = parameters
                request.route = route.template
                return try run(route, request)
            }
        } catch {
            return .response(finish(request, errorResponse(error, for: request)), request)
        }
    }

    /// Runs an asynchronous handler deferred by `respond(to:)` and finishes its response.
    public func complete(_ request: Request, with handler: AsynchronousHandler) async -> Response {
        do {
            return finish(request, try await handler(request))
        } catch {
            return finish(request, errorResponse(error, for: request))
        }
    }

    /// Turns a thrown error into a response: an `HTTPResponseError` chooses its own, anything else is a 500
    /// whose cause is logged and not sent.
    public func errorResponse(_ error: any Error, for request: Request) -> Response {
        if let error = error as? any HTTPResponseError {
            return error.response(for: request)
        }
        logger.error(
            "request failed",
            metadata: ["request.id": "\(request.requestID)", "error": "\(String(reflecting: error))"])
        return Response.message("Internal server error", status: .internalServerError)
    }

    private func run(_ route: Route, _ request: Request) throws -> Outcome {
        var request = request
        for middleware in router.middleware {
            if let early = try middleware.prepare(&request) {
                return .response(finish(request, early), request)
            }
        }
        switch route.handler {
        case .synchronous(let handler):
            do {
                return .response(finish(request, try handler(request)), request)
            } catch {
                return .response(finish(request, errorResponse(error, for: request)), request)
            }
        case .asynchronous(let handler):
            return .deferred(request, handler)
        }
    }

    private func finish(_ request: Request, _ response: Response) -> Response {
        var response = response
        for middleware in router.middleware.reversed() {
            middleware.finish(request, &response)
        }
        return response
    }

    static func notFound(_ request: Request) -> Response {
        Response.message("Route \(request.path) not found", status: .notFound)
    }

    static func methodNotAllowed(_ request: Request, allowed: [HTTPMethod]) -> Response {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        var response = Response.message(
            "Method \(request.method) is not allowed for \(request.path); allowed: \(allow)",
            status: .methodNotAllowed)
        response.headers.add(name: "Allow", value: allow)
        return response
    }
}
