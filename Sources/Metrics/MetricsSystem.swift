import Synchronization

/// The process-wide metrics backend that `Counter`, `Gauge`, `Recorder` and `Timer` use unless given a factory.
///
/// Until `bootstrap(_:)` runs, every metric discards its values.
public enum MetricsSystem {
    private static let state = Mutex<(factory: any MetricsFactory, isBootstrapped: Bool)>(
        (NOOPMetricsHandler.instance, false))

    /// Installs `factory` for every metric created afterwards. Metrics created before keep their handlers.
    ///
    /// Call it once, at start-up: a second call is a programmer error and stops the process.
    public static func bootstrap(_ factory: any MetricsFactory) {
        state.withLock { state in
            precondition(!state.isBootstrapped, "MetricsSystem.bootstrap was called twice; call it once at start-up")
            state = (factory, true)
        }
    }

    /// The installed factory, or `NOOPMetricsHandler.instance` before `bootstrap(_:)`.
    public static var factory: any MetricsFactory {
        state.withLock { $0.factory }
    }
}
