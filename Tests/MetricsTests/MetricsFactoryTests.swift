import Metrics
import Prometheus
import Testing

struct MetricsFactoryTests {
    @Test func counterThroughFactory() {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        let counter = Counter(label: "tokens_total", dimensions: [("grant_type", "refresh_token")], factory: factory)
        counter.increment(by: 2)
        counter.increment()

        #expect(registry.render().contains(#"tokens_total{grant_type="refresh_token"} 3"#))
    }

    @Test func gaugeKeepsLastValue() {
        let registry = PrometheusCollectorRegistry()
        let gauge = Gauge(label: "connections", factory: PrometheusMetricsFactory(registry: registry))
        gauge.record(7)
        gauge.record(3)

        #expect(registry.render().contains("# TYPE connections gauge\nconnections 3.0\n"))
    }

    @Test func aggregatingRecorderIsHistogram() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueBuckets["body_bytes"] = [100, 1000]
        let recorder = Recorder(label: "body_bytes", factory: factory)
        recorder.record(50)
        recorder.record(5000)

        let text = registry.render()
        #expect(text.contains("# TYPE body_bytes histogram"))
        #expect(text.contains(#"body_bytes_bucket{le="100.0"} 1"#))
        #expect(text.contains("body_bytes_count 2"))
    }

    @Test func timerUsesBucketsForItsName() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationBuckets["request_seconds"] = [.microseconds(500)]
        let timer = Timer(label: "request_seconds", factory: factory)
        timer.recordNanoseconds(400_000)
        timer.recordMilliseconds(3)

        let text = registry.render()
        #expect(text.contains(#"request_seconds_bucket{le="0.0005"} 1"#))
        #expect(text.contains(#"request_seconds_bucket{le="+Inf"} 2"#))
        #expect(text.contains("request_seconds_sum 0.0034"))
    }

    @Test func timerClampsHugeDurations() {
        let registry = PrometheusCollectorRegistry()
        let timer = Timer(label: "huge_seconds", factory: PrometheusMetricsFactory(registry: registry))
        timer.recordSeconds(1e30)
        timer.recordMilliseconds(Int64.max)

        #expect(registry.render().contains("huge_seconds_count 2"))
    }

    @Test(arguments: [
        ("doorman.http.requests", "doorman_http_requests"),
        ("with-dash", "with_dash"),
        ("9starts_with_digit", "_9starts_with_digit"),
        ("keeps:colon", "keeps:colon"),
    ])
    func labelsAreSanitized(label: String, name: String) {
        let registry = PrometheusCollectorRegistry()
        Counter(label: label, factory: PrometheusMetricsFactory(registry: registry)).increment()

        #expect(registry.render().contains("# TYPE \(name) counter"))
    }

    @Test func dimensionNamesAreSanitized() {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        Counter(label: "odd_total", dimensions: [("http.method", "GET"), ("__x", "y")], factory: factory).increment()

        #expect(registry.render().contains(#"odd_total{http_method="GET",x__x="y"} 1"#))
    }

    @Test func destroyRemovesTheSeries() {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        let counter = Counter(label: "short_lived_total", factory: factory)
        counter.increment()
        factory.destroyCounter(counter.handler)

        #expect(registry.render().isEmpty)
    }

    @Test func noopHandlerDiscardsValues() {
        let counter = Counter(label: "discarded_total", factory: NOOPMetricsHandler.instance)
        counter.increment(by: 10)

        #expect(counter.handler === NOOPMetricsHandler.instance)
    }

    @Test func timerDimensionNamedLeIsRenamed() {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        Timer(label: "odd_seconds", dimensions: [("le", "x")], factory: factory).recordNanoseconds(1)

        #expect(registry.render().contains(#"odd_seconds_count{xle="x"} 1"#))
    }
}
