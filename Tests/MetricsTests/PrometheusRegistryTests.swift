import Prometheus
import Testing

struct PrometheusRegistryTests {
    @Test func counterWithHelpAndLabels() {
        let registry = PrometheusCollectorRegistry()
        registry.setHelp("Requests served.", forMetricNamed: "requests_total")
        let counter = registry.makeCounter(name: "requests_total", labels: [("route", "/v5/me"), ("method", "GET")])
        counter.increment(by: 3)
        counter.increment()

        let expected = """
            # HELP requests_total Requests served.
            # TYPE requests_total counter
            requests_total{method="GET",route="/v5/me"} 4

            """
        #expect(registry.render() == expected)
    }

    @Test func sameNameAndLabelsShareOneCounter() {
        let registry = PrometheusCollectorRegistry()
        let first = registry.makeCounter(name: "hits_total", labels: [("a", "1"), ("b", "2")])
        let second = registry.makeCounter(name: "hits_total", labels: [("b", "2"), ("a", "1")])
        first.increment()
        second.increment()

        #expect(first === second)
        #expect(first.value == 2)
    }

    @Test func negativeIncrementIsIgnored() {
        let counter = PrometheusCollectorRegistry().makeCounter(name: "up_only_total")
        counter.increment(by: 5)
        counter.increment(by: -3)

        #expect(counter.value == 5)
    }

    @Test func labelValuesAreEscaped() {
        let registry = PrometheusCollectorRegistry()
        registry.makeCounter(name: "odd_total", labels: [("value", "a\"b\\c\nd")]).increment()

        #expect(registry.render().contains(#"odd_total{value="a\"b\\c\nd"} 1"#))
    }

    @Test func familiesAndSeriesAreSorted() {
        let registry = PrometheusCollectorRegistry()
        registry.makeGauge(name: "zeta").set(1)
        registry.makeCounter(name: "alpha_total", labels: [("k", "b")]).increment()
        registry.makeCounter(name: "alpha_total", labels: [("k", "a")]).increment()

        let lines = registry.render().split(separator: "\n")
        #expect(lines == [
            "# TYPE alpha_total counter", #"alpha_total{k="a"} 1"#, #"alpha_total{k="b"} 1"#,
            "# TYPE zeta gauge", "zeta 1.0",
        ])
    }

    @Test func gaugeSetAndIncrement() {
        let gauge = PrometheusCollectorRegistry().makeGauge(name: "in_use")
        gauge.set(4)
        gauge.increment(by: -1.5)

        #expect(gauge.value == 2.5)
    }

    @Test func durationHistogramBucketsAreCumulative() {
        let registry = PrometheusCollectorRegistry()
        let histogram = registry.makeDurationHistogram(
            name: "latency_seconds", labels: [("route", "/x")], buckets: [.milliseconds(1), .milliseconds(10)])
        histogram.record(.microseconds(500))
        histogram.record(.milliseconds(1))
        histogram.record(.milliseconds(5))
        histogram.record(.seconds(2))

        let expected = """
            # TYPE latency_seconds histogram
            latency_seconds_bucket{route="/x",le="0.001"} 2
            latency_seconds_bucket{route="/x",le="0.01"} 3
            latency_seconds_bucket{route="/x",le="+Inf"} 4
            latency_seconds_sum{route="/x"} 2.0065
            latency_seconds_count{route="/x"} 4

            """
        #expect(registry.render() == expected)
    }

    @Test func valueHistogramIgnoresNaN() {
        let registry = PrometheusCollectorRegistry()
        let histogram = registry.makeValueHistogram(name: "sizes", buckets: [10, 100])
        histogram.record(5.0)
        histogram.record(Double.nan)
        histogram.record(Int64(500))

        let text = registry.render()
        #expect(text.contains(#"sizes_bucket{le="10.0"} 1"#))
        #expect(text.contains(#"sizes_bucket{le="100.0"} 1"#))
        #expect(text.contains(#"sizes_bucket{le="+Inf"} 2"#))
        #expect(text.contains("sizes_sum 505.0"))
        #expect(text.contains("sizes_count 2"))
    }

    @Test func unregisteredMetricIsNotWritten() {
        let registry = PrometheusCollectorRegistry()
        let kept = registry.makeCounter(name: "kept_total")
        let dropped = registry.makeCounter(name: "dropped_total")
        kept.increment()
        registry.unregister(dropped)

        #expect(registry.render() == "# TYPE kept_total counter\nkept_total 1\n")
    }

    @Test func concurrentIncrementsAreAllCounted() async {
        let registry = PrometheusCollectorRegistry()
        let counter = registry.makeCounter(name: "parallel_total")
        let histogram = registry.makeDurationHistogram(name: "parallel_seconds", buckets: [.milliseconds(1)])
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<10_000 {
                        counter.increment()
                        histogram.recordNanoseconds(100)
                    }
                }
            }
        }

        #expect(counter.value == 80_000)
        #expect(registry.render().contains("parallel_seconds_count 80000"))
    }
}
