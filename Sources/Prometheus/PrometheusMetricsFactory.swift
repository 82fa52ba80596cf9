import Metrics

/// The `MetricsFactory` that stores every `Counter`, `Gauge`, `Recorder` and `Timer` in a
/// `PrometheusCollectorRegistry`.
///
/// Counters become counters, gauges (recorders without aggregation) gauges, timers duration histograms and
/// aggregating recorders value histograms. Labels and dimension names that are not valid Prometheus names have
/// each invalid character replaced with `_`, and a leading digit prefixed with `_`. A dimension name reserved by
/// Prometheus (a leading `__`, or `le` on a histogram) gets an `x` in front.
public struct PrometheusMetricsFactory: MetricsFactory {
    /// The registry that receives the metrics.
    public let registry: PrometheusCollectorRegistry
    /// Bucket bounds of the timers not listed in `durationBuckets`.
    public var defaultDurationBuckets: [Duration] = Self.standardDurationBuckets
    /// Bucket bounds of the timers by metric name.
    public var durationBuckets: [String: [Duration]] = [:]
    /// Bucket bounds of the aggregating recorders not listed in `valueBuckets`.
    public var defaultValueBuckets: [Double] = Self.standardDurationBuckets.map {
        Double(PrometheusDurationHistogram.nanoseconds(of: $0)) / 1_000_000_000
    }
    /// Bucket bounds of the aggregating recorders by metric name.
    public var valueBuckets: [String: [Double]] = [:]

    /// The default buckets of the Go client library, client_golang's `DefBuckets`: 5 ms to 10 s in 11 steps.
    public static let standardDurationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    /// Creates a factory that registers its metrics in `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Returns the registry's counter for the sanitized label and dimensions.
    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(name: Self.sanitize(label), labels: Self.sanitize(dimensions))
    }

    /// Returns the registry's gauge when `aggregate` is false, and its value histogram otherwise.
    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        let name = Self.sanitize(label)
        guard aggregate else {
            return registry.makeGauge(name: name, labels: Self.sanitize(dimensions))
        }
        return registry.makeValueHistogram(
            name: name, labels: Self.sanitize(dimensions, isHistogram: true), buckets: valueBuckets[name] ?? defaultValueBuckets)
    }

    /// Returns the registry's duration histogram, with the buckets of `durationBuckets` for its name if listed.
    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        let name = Self.sanitize(label)
        return registry.makeDurationHistogram(
            name: name, labels: Self.sanitize(dimensions, isHistogram: true), buckets: durationBuckets[name] ?? defaultDurationBuckets)
    }

    /// Removes the counter from the registry.
    public func destroyCounter(_ handler: any CounterHandler) {
        registry.unregister(handler)
    }

    /// Removes the gauge or histogram from the registry.
    public func destroyRecorder(_ handler: any RecorderHandler) {
        registry.unregister(handler)
    }

    /// Removes the histogram from the registry.
    public func destroyTimer(_ handler: any TimerHandler) {
        registry.unregister(handler)
    }

    /// Returns `name` with every character outside `[a-zA-Z0-9_:]` replaced by `_`, and `_` before a leading digit.
    static func sanitize(_ name: String, allowingColon: Bool = true) -> String {
        var bytes = name.utf8.map { byte in
            PrometheusText.isNameCharacter(byte) || (allowingColon && byte == UInt8(ascii: ":"))
                ? byte : UInt8(ascii: "_")
        }
        if bytes.first.map({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) ?? true {
            bytes.insert(UInt8(ascii: "_"), at: 0)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func sanitize(_ dimensions: [(String, String)], isHistogram: Bool = false) -> [(String, String)] {
        dimensions.map { name, value in
            var label = sanitize(name, allowingColon: false)
            if label.hasPrefix("__") || (isHistogram && label == "le") { label = "x" + label }
            return (label, value)
        }
    }
}
