import Synchronization

/// A metric that can write its samples, given its family name and its rendered labels.
protocol PrometheusSeries: AnyObject, Sendable {
    func emit(name: String, labels: String, into buffer: inout [UInt8])
}

/// The kind of a metric family, as its `# TYPE` line names it.
public enum PrometheusMetricKind: String, Sendable {
    /// A value that only grows.
    case counter
    /// A value that goes up and down.
    case gauge
    /// Counts in cumulative buckets, with a sum and a count.
    case histogram
}

/// The metrics of a process, grouped in families by name, and their rendering in the Prometheus text format.
///
/// Making a metric takes a lock and returns the existing one when the name and labels are already registered,
/// so callers should make each metric once and keep it. Updating a metric never takes this lock. Names and
/// label names must be valid Prometheus names, and one name must keep one kind and one set of buckets:
/// breaking these rules is a programmer error that stops the process.
public final class PrometheusCollectorRegistry: Sendable {
    private struct Family {
        let kind: PrometheusMetricKind
        /// The bucket bounds of a histogram family, in the unit written to `le`.
        let bounds: [Double]?
        var series: [String: any PrometheusSeries] = [:]
    }

    private struct State {
        var families: [String: Family] = [:]
        var help: [String: String] = [:]
    }

    private let state = Mutex(State())

    /// Creates an empty registry.
    public init() {}

    /// Returns the counter with `name` and `labels`, registering it first if needed.
    public func makeCounter(name: String, labels: [(String, String)] = []) -> PrometheusCounter {
        register(name: name, labels: labels, kind: .counter, bounds: nil) { PrometheusCounter() }
    }

    /// Returns the gauge with `name` and `labels`, registering it first if needed.
    public func makeGauge(name: String, labels: [(String, String)] = []) -> PrometheusGauge {
        register(name: name, labels: labels, kind: .gauge, bounds: nil) { PrometheusGauge() }
    }

    /// Returns the duration histogram with `name` and `labels`, registering it with `buckets` first if needed.
    ///
    /// `buckets` are the upper bounds, ascending and positive; `+Inf` is added. Samples are written in seconds.
    public func makeDurationHistogram(
        name: String, labels: [(String, String)] = [], buckets: [Duration]
    ) -> PrometheusDurationHistogram {
        let seconds = buckets.map { Double(PrometheusDurationHistogram.nanoseconds(of: $0)) / 1_000_000_000 }
        precondition(Self.isAscending(seconds), "histogram \(name) needs ascending buckets, got \(buckets)")
        return register(name: name, labels: labels, kind: .histogram, bounds: seconds) {
            PrometheusDurationHistogram(bounds: buckets)
        }
    }

    /// Returns the value histogram with `name` and `labels`, registering it with `buckets` first if needed.
    ///
    /// `buckets` are the upper bounds, ascending and finite; `+Inf` is added.
    public func makeValueHistogram(
        name: String, labels: [(String, String)] = [], buckets: [Double]
    ) -> PrometheusValueHistogram {
        precondition(Self.isAscending(buckets), "histogram \(name) needs ascending finite buckets, got \(buckets)")
        return register(name: name, labels: labels, kind: .histogram, bounds: buckets) {
            PrometheusValueHistogram(bounds: buckets)
        }
    }

    /// Sets the `# HELP` text of the family `name`, registered now or later.
    public func setHelp(_ text: String, forMetricNamed name: String) {
        state.withLock { $0.help[name] = text }
    }

    /// Removes `metric` from the registry, so it is no longer written. Its handle keeps working but is not read.
    public func unregister(_ metric: AnyObject) {
        state.withLock { state in
            for (name, family) in state.families {
                guard let key = family.series.first(where: { $0.value === metric })?.key else { continue }
                state.families[name]?.series[key] = nil
                if state.families[name]?.series.isEmpty == true { state.families[name] = nil }
                return
            }
        }
    }

    /// Appends every family to `buffer` in the text format 0.0.4, families sorted by name and series by labels.
    ///
    /// The lock is held only to copy the list of series; their values are read afterwards.
    public func emit(into buffer: inout [UInt8]) {
        let (families, help) = state.withLock { ($0.families, $0.help) }
        for name in families.keys.sorted() {
            let family = families[name]!
            if let text = help[name] {
                buffer.append(contentsOf: "# HELP \(name) \(PrometheusText.escapeHelp(text))\n".utf8)
            }
            buffer.append(contentsOf: "# TYPE \(name) \(family.kind.rawValue)\n".utf8)
            for labels in family.series.keys.sorted() {
                family.series[labels]!.emit(name: name, labels: labels, into: &buffer)
            }
        }
    }

    /// Returns every family in the text format 0.0.4, as `emit(into:)` writes it.
    public func render() -> String {
        var buffer: [UInt8] = []
        emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    private func register<Metric: PrometheusSeries>(
        name: String, labels: [(String, String)], kind: PrometheusMetricKind, bounds: [Double]?,
        make: () -> Metric
    ) -> Metric {
        Self.checkNames(name, labels, kind: kind)
        let key = PrometheusText.renderLabels(labels)
        return state.withLock { state in
            var family = state.families[name] ?? Family(kind: kind, bounds: bounds)
            precondition(
                family.kind == kind, "metric \(name) is registered as a \(family.kind), not as a \(kind)")
            precondition(family.bounds == bounds, "histogram \(name) is registered with other buckets")
            if let existing = family.series[key] {
                guard let metric = existing as? Metric else {
                    preconditionFailure("metric \(name){\(key)} is registered with another type")
                }
                return metric
            }
            let metric = make()
            family.series[key] = metric
            state.families[name] = family
            return metric
        }
    }

    private static func checkNames(_ name: String, _ labels: [(String, String)], kind: PrometheusMetricKind) {
        precondition(PrometheusText.isValidMetricName(name), "invalid Prometheus metric name \"\(name)\"")
        var seen: Set<String> = []
        for (label, _) in labels {
            precondition(PrometheusText.isValidLabelName(label), "invalid label name \"\(label)\" on \(name)")
            precondition(seen.insert(label).inserted, "label \"\(label)\" appears twice on \(name)")
            precondition(kind != .histogram || label != "le", "histogram \(name) cannot have a label named le")
        }
    }

    private static func isAscending(_ bounds: [Double]) -> Bool {
        bounds.allSatisfy(\.isFinite) && zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 }
    }
}
