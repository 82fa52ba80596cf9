import DoormanHTTP
import DoormanStorage
import DoormanWeb
import Metrics
import Prometheus

/// The metrics of one `doorman serve`: a Prometheus registry, the handles that fill it, and its rendering.
final class ServerMetrics: Sendable {
    /// The registry that `GET /metrics` renders.
    let registry: PrometheusCollectorRegistry
    /// The factory that puts metrics in `registry`, with the request duration buckets set.
    let factory: PrometheusMetricsFactory
    /// The token endpoint's counters.
    let oauth: OAuthMetrics
    let pool: PoolMetrics

    /// Creates the registry with help text for every metric, and the token endpoint's and the pool's metrics.
    init(database: OpenedDatabase) {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationBuckets[HTTPMetrics.durationName] = HTTPMetrics.durationBuckets
        for (name, text) in HTTPMetrics.help + OAuthMetrics.help + PoolMetrics.help {
            registry.setHelp(text, forMetricNamed: name)
        }
        self.registry = registry
        self.factory = factory
        oauth = OAuthMetrics(factory: factory)
        pool = PoolMetrics(database: database, factory: factory)
    }

    /// Returns the request observer for the routes of `router`, which must be complete.
    func requestObserver(for router: Router) -> HTTPMetrics {
        HTTPMetrics(routes: router.routes, factory: factory)
    }

    /// Returns every metric in the text format 0.0.4, after reading the pool.
    func render() -> [UInt8] {
        pool.update()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32_768)
        registry.emit(into: &buffer)
        return buffer
    }
}
