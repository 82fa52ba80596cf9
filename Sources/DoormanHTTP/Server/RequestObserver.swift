/// Receives every completed request, for metrics: the server calls it once per response it queues.
///
/// It runs on the worker thread before the response is sent, so it must be fast and must not block.
public protocol RequestObserver: Sendable {
    /// Records one response to `request`.
    ///
    /// `request.route` is the matched route's template, or nil when no route matched: a 404, a 405, or a request
    /// rejected before routing (400 for a malformed target, 413 for a large body). `duration` runs from the
    /// first call for the request to the queueing of the response, in nanoseconds.
    func requestCompleted(_ request: Request, status: HTTPStatus, durationNanoseconds: UInt64)
}
