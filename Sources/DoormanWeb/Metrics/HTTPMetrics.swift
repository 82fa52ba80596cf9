import DoormanHTTP
import Metrics

/// Counts requests by route template, method and status, and times them by route template.
///
/// Every route's series are found by a lookup in a dictionary that is built once and never changes, and each
/// counter is made on the first response with its status, so the hot path takes no lock. Labels are route
/// templates such as `/v5/me/memberships/:id`, never raw paths, so a client cannot add series by inventing
/// paths. A request without a route shares the one template `unmatched`, and its method is one of the
/// standard methods or `other`.
public final class HTTPMetrics: RequestObserver {
    /// The counter of requests, labeled `route`, `method` and `status`.
    public static let requestsName = "doorman_http_requests_total"
    /// The histogram of request durations in seconds, labeled `route`.
    public static let durationName = "doorman_http_request_duration_seconds"
    /// The `route` label of a request that matched no route.
    public static let unmatchedRoute = "unmatched"
    /// The bucket bounds of the duration histogram, from 0.5 ms, because most requests take about a millisecond.
    public static let durationBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .microseconds(2_500_000), .seconds(5), .seconds(10),
    ]
    /// The help text of each metric, by name.
    public static let help: [(name: String, text: String)] = [
        (requestsName, "HTTP requests completed, by route template, method and status code."),
        (durationName, "Time from the start of a request to its response being queued, by route template."),
    ]

    private static let unmatchedMethods: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options]

    private let routes: [String: RouteSeries]
    private let unmatched: RouteSeries

    /// Creates the series of `routes` and of unmatched requests, with handlers from `factory`.
    public init(routes: [Route], factory: any MetricsFactory = MetricsSystem.factory) {
        var methodsByTemplate: [String: [HTTPMethod]] = [:]
        for route in routes {
            methodsByTemplate[route.template, default: []].append(route.method)
            // The router serves HEAD with the GET route.
            if route.method == .get { methodsByTemplate[route.template, default: []].append(.head) }
        }
        var series: [String: RouteSeries] = [:]
        for (template, methods) in methodsByTemplate {
            series[template] = RouteSeries(template: template, methods: methods, factory: factory)
        }
        self.routes = series
        unmatched = RouteSeries(
            template: Self.unmatchedRoute, methods: Self.unmatchedMethods, includesOther: true, factory: factory)
    }

    /// Counts the request and records its duration.
    public func requestCompleted(_ request: Request, status: HTTPStatus, durationNanoseconds: UInt64) {
        let series = request.route.flatMap { routes[$0] } ?? unmatched
        series.duration.recordNanoseconds(durationNanoseconds)
        series.counter(method: request.method, status: status.code).increment()
    }
}
