/// Collects values such as response sizes, either as a distribution or, for a `Gauge`, as the last value.
///
/// The class is not final because `Gauge` refines it. Every stored property is a constant and the handler is
/// `Sendable`, which makes sharing it across threads safe.
public class Recorder: @unchecked Sendable {
    /// The metric's name.
    public let label: String
    /// The label names and values that tell this series apart from others of the same name.
    public let dimensions: [(String, String)]
    /// Whether values are aggregated into a distribution (true) or replace each other (false).
    public let aggregate: Bool
    /// The backend that stores the values.
    public let handler: any RecorderHandler

    /// Creates a recorder whose handler comes from `factory`, by default the one installed by `MetricsSystem`.
    public init(
        label: String, dimensions: [(String, String)] = [], aggregate: Bool = true,
        factory: any MetricsFactory = MetricsSystem.factory
    ) {
        self.label = label
        self.dimensions = dimensions
        self.aggregate = aggregate
        self.handler = factory.makeRecorder(label: label, dimensions: dimensions, aggregate: aggregate)
    }

    /// Records an integer value.
    @inlinable
    public func record<Value: BinaryInteger>(_ value: Value) {
        handler.record(Int64(clamping: value))
    }

    /// Records a floating-point value.
    @inlinable
    public func record<Value: BinaryFloatingPoint>(_ value: Value) {
        handler.record(Double(value))
    }
}

/// A value that goes up and down, such as connections in use; each `record` replaces the previous value.
public final class Gauge: Recorder, @unchecked Sendable {
    /// Creates a gauge whose handler comes from `factory`, by default the one installed by `MetricsSystem`.
    public init(label: String, dimensions: [(String, String)] = [], factory: any MetricsFactory = MetricsSystem.factory)
    {
        super.init(label: label, dimensions: dimensions, aggregate: false, factory: factory)
    }
}
