import Metrics
import Prometheus
import Testing

/// The only test that calls `MetricsSystem.bootstrap`, which a process may do once.
struct MetricsSystemTests {
    @Test func bootstrapRoutesDefaultMetricsToFactory() {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        Counter(label: "metrics_system_test_total").increment()

        #expect(MetricsSystem.factory is PrometheusMetricsFactory)
        #expect(registry.render().contains("metrics_system_test_total 1"))
    }
}
