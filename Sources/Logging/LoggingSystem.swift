import Synchronization

/// The process-wide choice of log handler that `Logger(label:)` uses.
///
/// Call `bootstrap` once, at start-up and before creating loggers. Until then, loggers write text
/// to standard error at `info` level.
public enum LoggingSystem {
    /// The factory and whether `bootstrap` has run, behind a lock because loggers are created on any thread.
    private static let state = Mutex<State>(State())

    private struct State: Sendable {
        var factory: @Sendable (String) -> any LogHandler = { StreamLogHandler.standardError(label: $0) }
        var isBootstrapped = false
    }

    /// Installs the factory that `Logger(label:)` calls with the logger's label.
    ///
    /// A second call is a programmer error and stops the process, because loggers created before it
    /// would silently keep the old handler. Tests that need another factory call `bootstrapInternal`.
    public static func bootstrap(_ factory: @escaping @Sendable (String) -> any LogHandler) {
        state.withLock { state in
            precondition(!state.isBootstrapped, "LoggingSystem.bootstrap was called twice; call it once at start-up")
            state.factory = factory
            state.isBootstrapped = true
        }
    }

    /// Replaces the factory even after `bootstrap`, for tests that `@testable import Logging`.
    static func bootstrapInternal(_ factory: @escaping @Sendable (String) -> any LogHandler) {
        state.withLock { state in
            state.factory = factory
            state.isBootstrapped = true
        }
    }

    /// The installed factory, or the default one that writes text to standard error.
    static var factory: @Sendable (String) -> any LogHandler {
        state.withLock { $0.factory }
    }
}
