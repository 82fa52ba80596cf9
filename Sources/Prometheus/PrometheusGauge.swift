import Metrics
import Synchronization

/// A Prometheus gauge: a floating-point value stored as its bit pattern in one atomic word.
public final class PrometheusGauge: RecorderHandler {
    private let bits = Atomic<UInt64>(0.0.bitPattern)

    init() {}

    /// The current value.
    public var value: Double {
        Double(bitPattern: bits.load(ordering: .relaxed))
    }

    /// Replaces the value.
    public func set(_ value: Double) {
        bits.store(value.bitPattern, ordering: .relaxed)
    }

    /// Adds `amount`, which may be negative, with a compare-and-exchange loop.
    public func increment(by amount: Double) {
        var current = bits.load(ordering: .relaxed)
        while true {
            let next = (Double(bitPattern: current) + amount).bitPattern
            let (exchanged, original) = bits.compareExchange(
                expected: current, desired: next, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    /// Replaces the value, as a `Gauge` records.
    public func record(_ value: Int64) {
        set(Double(value))
    }

    /// Replaces the value, as a `Gauge` records.
    public func record(_ value: Double) {
        set(value)
    }
}

extension PrometheusGauge: PrometheusSeries {
    func emit(name: String, labels: String, into buffer: inout [UInt8]) {
        PrometheusText.appendSample(name: name, labels: labels, value: .double(value), into: &buffer)
    }
}
