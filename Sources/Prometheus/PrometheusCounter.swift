import Metrics
import Synchronization

/// A Prometheus counter: one atomic integer, so an increment takes no lock.
public final class PrometheusCounter: CounterHandler {
    private let total = Atomic<Int64>(0)

    init() {}

    /// The current value.
    public var value: Int64 {
        total.load(ordering: .relaxed)
    }

    /// Adds `amount`. A negative amount is ignored, because a Prometheus counter never decreases.
    public func increment(by amount: Int64) {
        guard amount > 0 else { return }
        total.wrappingAdd(amount, ordering: .relaxed)
    }

    /// Adds one.
    public func increment() {
        increment(by: 1)
    }

    /// Sets the value back to zero, which Prometheus reads as a counter reset.
    public func reset() {
        total.store(0, ordering: .relaxed)
    }
}

extension PrometheusCounter: PrometheusSeries {
    func emit(name: String, labels: String, into buffer: inout [UInt8]) {
        PrometheusText.appendSample(name: name, labels: labels, value: .integer(value), into: &buffer)
    }
}
