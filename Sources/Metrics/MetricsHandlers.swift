/// The backend of a `Counter`: a value that only grows, until `reset()`.
///
/// Handlers are called on every update from any thread, so implementations must be cheap and thread-safe.
public protocol CounterHandler: AnyObject, Sendable {
    /// Adds `amount`, which callers keep non-negative.
    func increment(by amount: Int64)
    /// Sets the value back to zero.
    func reset()
}

/// The backend of a `Recorder` or a `Gauge`.
///
/// A recorder made with `aggregate: true` collects a distribution of the values; one made with
/// `aggregate: false` keeps the last value, with "set" semantics.
public protocol RecorderHandler: AnyObject, Sendable {
    /// Records an integer value.
    func record(_ value: Int64)
    /// Records a floating-point value.
    func record(_ value: Double)
}

/// The backend of a `Timer`, which collects a distribution of durations.
public protocol TimerHandler: AnyObject, Sendable {
    /// Records a duration in nanoseconds.
    func recordNanoseconds(_ duration: Int64)
}

/// Makes the handlers behind every metric, so a program chooses its metrics backend in one place.
///
/// `MetricsSystem.bootstrap(_:)` installs a factory for the whole process. A factory may return the same handler
/// for the same label and dimensions, so two `Counter`s with equal labels and dimensions can share one value.
public protocol MetricsFactory: Sendable {
    /// Makes the handler of a counter.
    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler
    /// Makes the handler of a recorder, which aggregates values when `aggregate` is true and keeps the last otherwise.
    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler
    /// Makes the handler of a timer.
    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler
    /// Releases a counter handler that will not be updated again.
    func destroyCounter(_ handler: any CounterHandler)
    /// Releases a recorder handler that will not be updated again.
    func destroyRecorder(_ handler: any RecorderHandler)
    /// Releases a timer handler that will not be updated again.
    func destroyTimer(_ handler: any TimerHandler)
}

/// The factory in place until `MetricsSystem.bootstrap(_:)` runs, and the handler it makes: it discards every value.
public final class NOOPMetricsHandler: MetricsFactory, CounterHandler, RecorderHandler, TimerHandler {
    /// The one instance. It has no state, so every metric can share it.
    public static let instance = NOOPMetricsHandler()

    private init() {}

    /// Returns this handler, which discards every value.
    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { self }

    /// Returns this handler, which discards every value.
    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        self
    }

    /// Returns this handler, which discards every value.
    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { self }

    /// Does nothing, because the handler has no resources to release.
    public func destroyCounter(_ handler: any CounterHandler) {}

    /// Does nothing, because the handler has no resources to release.
    public func destroyRecorder(_ handler: any RecorderHandler) {}

    /// Does nothing, because the handler has no resources to release.
    public func destroyTimer(_ handler: any TimerHandler) {}

    /// Discards the amount.
    public func increment(by amount: Int64) {}

    /// Does nothing.
    public func reset() {}

    /// Discards the value.
    public func record(_ value: Int64) {}

    /// Discards the value.
    public func record(_ value: Double) {}

    /// Discards the duration.
    public func recordNanoseconds(_ duration: Int64) {}
}
