/// A step that runs around every routed request, before and after its handler.
///
/// The same middleware serves synchronous and asynchronous handlers, so it is split into two hooks
/// instead of wrapping a `next` closure.
public protocol Middleware: Sendable {
    /// Runs before the handler, in the order the middleware was added; a returned response ends the request there.
    func prepare(_ request: inout Request) throws -> Response?

    /// Runs after the handler, in reverse order, on every response including error responses.
    func finish(_ request: Request, _ response: inout Response)
}

extension Middleware {
    public func prepare(_ request: inout Request) throws -> Response? { nil }
    public func finish(_ request: Request, _ response: inout Response) {}
}
