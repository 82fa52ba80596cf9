import Metrics
import Synchronization

/// A Prometheus histogram of durations, such as request latency, kept in nanoseconds and written in seconds.
///
/// Recording a value takes a short linear search over the bounds and two atomic adds, and no lock.
public final class PrometheusDurationHistogram: TimerHandler {
    /// The upper bounds of the buckets in nanoseconds, ascending, without the implicit `+Inf`.
    public let bounds: [Int64]
    private let counts: BucketCounts
    private let sumNanoseconds = Atomic<Int64>(0)

    init(bounds: [Duration]) {
        self.bounds = bounds.map(PrometheusDurationHistogram.nanoseconds(of:))
        counts = BucketCounts(slotCount: bounds.count + 1)
    }

    /// Records a duration. A negative one is recorded as zero, because time measured on a monotonic clock
    /// cannot go back.
    public func recordNanoseconds(_ duration: Int64) {
        let value = max(duration, 0)
        var index = 0
        while index < bounds.count, value > bounds[index] {
            index += 1
        }
        counts.increment(at: index)
        sumNanoseconds.wrappingAdd(value, ordering: .relaxed)
    }

    /// Records a `Duration`.
    public func record(_ duration: Duration) {
        recordNanoseconds(Self.nanoseconds(of: duration))
    }

    static func nanoseconds(of duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension PrometheusDurationHistogram: PrometheusSeries {
    func emit(name: String, labels: String, into buffer: inout [UInt8]) {
        let sum = Double(sumNanoseconds.load(ordering: .relaxed)) / 1_000_000_000
        PrometheusText.appendHistogram(
            name: name, labels: labels, bounds: bounds.map { Double($0) / 1_000_000_000 }, counts: counts.snapshot(),
            sum: sum, into: &buffer)
    }
}

/// A Prometheus histogram of values, such as response sizes, for a `Recorder` that aggregates.
public final class PrometheusValueHistogram: RecorderHandler {
    /// The upper bounds of the buckets, ascending, without the implicit `+Inf`.
    public let bounds: [Double]
    private let counts: BucketCounts
    private let sumBits = Atomic<UInt64>(0.0.bitPattern)

    init(bounds: [Double]) {
        self.bounds = bounds
        counts = BucketCounts(slotCount: bounds.count + 1)
    }

    /// Records an integer value.
    public func record(_ value: Int64) {
        record(Double(value))
    }

    /// Records a value. NaN is ignored, because it would turn the sum into NaN for good.
    public func record(_ value: Double) {
        guard !value.isNaN else { return }
        var index = 0
        while index < bounds.count, value > bounds[index] {
            index += 1
        }
        counts.increment(at: index)
        addToSum(value)
    }

    private func addToSum(_ value: Double) {
        var current = sumBits.load(ordering: .relaxed)
        while true {
            let next = (Double(bitPattern: current) + value).bitPattern
            let (exchanged, original) = sumBits.compareExchange(expected: current, desired: next, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }
}

extension PrometheusValueHistogram: PrometheusSeries {
    func emit(name: String, labels: String, into buffer: inout [UInt8]) {
        let sum = Double(bitPattern: sumBits.load(ordering: .relaxed))
        PrometheusText.appendHistogram(
            name: name, labels: labels, bounds: bounds, counts: counts.snapshot(), sum: sum, into: &buffer)
    }
}

/// One atomic count per bucket, the last one for values above every bound, in memory that never moves.
///
/// `Atomic` cannot be copied, so the counts live in manually allocated memory rather than an `Array`. The
/// pointer is written only in `init` and `deinit`, and every other access goes through the atomics, which
/// makes sharing the object across threads safe.
final class BucketCounts: @unchecked Sendable {
    private let slotCount: Int
    private let slots: UnsafeMutablePointer<Atomic<Int64>>

    init(slotCount: Int) {
        self.slotCount = slotCount
        slots = .allocate(capacity: slotCount)
        for index in 0..<slotCount {
            (slots + index).initialize(to: Atomic(0))
        }
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
    }

    func increment(at index: Int) {
        slots[index].wrappingAdd(1, ordering: .relaxed)
    }

    /// Returns the count of each bucket, not cumulative. Concurrent updates may land between two loads.
    func snapshot() -> [Int64] {
        (0..<slotCount).map { slots[$0].load(ordering: .relaxed) }
    }
}
