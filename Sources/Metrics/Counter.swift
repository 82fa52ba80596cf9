/// A value that only grows, such as the number of requests served.
///
/// Create each counter once and keep it, because creating one calls the factory, which may take a lock, while
/// `increment(by:)` only calls the handler.
public final class Counter: Sendable {
    /// The metric's name, such as `doorman_http_requests_total`.
    public let label: String
    /// The label names and values that tell this series apart from others of the same name.
    public let dimensions: [(String, String)]
    /// The backend that stores the value.
    public let handler: any CounterHandler

    /// Creates a counter whose handler comes from `factory`, by default the one installed by `MetricsSystem`.
    public init(label: String, dimensions: [(String, String)] = [], factory: any MetricsFactory = MetricsSystem.factory) {
        self.label = label
        self.dimensions = dimensions
        self.handler = factory.makeCounter(label: label, dimensions: dimensions)
    }

    /// Adds `amount`. A negative amount is ignored, because a counter never decreases.
    @inlinable
    public func increment<Amount: BinaryInteger>(by amount: Amount) {
        guard amount > 0 else { return }
        handler.increment(by: Int64(clamping: amount))
    }

    /// Adds one.
    @inlinable
    public func increment() {
        handler.increment(by: 1)
    }

    /// Sets the value back to zero.
    public func reset() {
        handler.reset()
    }
}
