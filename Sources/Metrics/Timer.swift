/// Collects durations, such as request latency, as a distribution.
public final class Timer: Sendable {
    /// The metric's name.
    public let label: String
    /// The label names and values that tell this series apart from others of the same name.
    public let dimensions: [(String, String)]
    /// The backend that stores the durations.
    public let handler: any TimerHandler

    /// Creates a timer whose handler comes from `factory`, by default the one installed by `MetricsSystem`.
    public init(label: String, dimensions: [(String, String)] = [], factory: any MetricsFactory = MetricsSystem.factory) {
        self.label = label
        self.dimensions = dimensions
        self.handler = factory.makeTimer(label: label, dimensions: dimensions)
    }

    /// Records a duration in nanoseconds. A value above `Int64.max` is recorded as `Int64.max`.
    @inlinable
    public func recordNanoseconds<Nanoseconds: BinaryInteger>(_ duration: Nanoseconds) {
        handler.recordNanoseconds(Int64(clamping: duration))
    }

    /// Records a duration in microseconds.
    @inlinable
    public func recordMicroseconds<Microseconds: BinaryInteger>(_ duration: Microseconds) {
        recordNanoseconds(Int64(clamping: duration).multipliedClamping(by: 1_000))
    }

    /// Records a duration in milliseconds.
    @inlinable
    public func recordMilliseconds<Milliseconds: BinaryInteger>(_ duration: Milliseconds) {
        recordNanoseconds(Int64(clamping: duration).multipliedClamping(by: 1_000_000))
    }

    /// Records a duration in seconds, which may have a fraction.
    @inlinable
    public func recordSeconds<Seconds: BinaryFloatingPoint>(_ duration: Seconds) {
        let nanoseconds = Double(duration) * 1_000_000_000
        recordNanoseconds(nanoseconds >= Double(Int64.max) ? Int64.max : Int64(max(nanoseconds, 0)))
    }

    /// Records a `Duration`, truncated to whole nanoseconds.
    @inlinable
    public func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedClamping(by: 1_000_000_000).addingClamping(attoseconds / 1_000_000_000)
        recordNanoseconds(nanoseconds)
    }
}

extension Int64 {
    /// Returns the product, or the bound it passed when it overflows.
    @usableFromInline
    func multipliedClamping(by factor: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: factor)
        guard overflow else { return product }
        return (self < 0) != (factor < 0) ? .min : .max
    }

    /// Returns the sum, or the bound it passed when it overflows.
    @usableFromInline
    func addingClamping(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other < 0 ? .min : .max
    }
}
