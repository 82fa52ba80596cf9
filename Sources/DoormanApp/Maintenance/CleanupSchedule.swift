import Dispatch
import Logging

/// Runs a `Janitor` pass every interval on a background queue while `serve` runs.
///
/// Passes run one at a time on their own serial queue, never on a request thread, and each deletes in short
/// batches, so requests wait for one batch at most. A failed pass is logged and the next one runs on time.
final class CleanupSchedule {
    private let janitor: Janitor
    private let intervalSeconds: Int
    private let now: @Sendable () -> Int64
    private let logger: Logger
    private let queue = DispatchQueue(label: "doorman.cleanup")
    private var timer: (any DispatchSourceTimer)?

    /// Creates a schedule of one pass every `intervalSeconds`, which must be positive.
    init(janitor: Janitor, intervalSeconds: Int, now: @escaping @Sendable () -> Int64, logger: Logger) {
        precondition(intervalSeconds > 0, "cleanup interval must be positive, got \(intervalSeconds)")
        self.janitor = janitor
        self.intervalSeconds = intervalSeconds
        self.now = now
        self.logger = logger
    }

    /// Starts the schedule. The first pass runs one interval after this call.
    func start() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = DispatchTimeInterval.seconds(intervalSeconds)
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .seconds(1))
        let janitor = janitor
        let now = now
        let logger = logger
        timer.setEventHandler { Self.runPass(janitor, at: now(), logger: logger) }
        timer.resume()
        self.timer = timer
        logger.info("cleanup scheduled", metadata: ["cleanup.interval_seconds": "\(intervalSeconds)"])
    }

    /// Stops the schedule and waits for a pass that is running to finish, so the database can be closed next.
    func stop() {
        timer?.cancel()
        timer = nil
        queue.sync {}
    }

    /// Runs one pass and logs its counts, or its error.
    static func runPass(_ janitor: Janitor, at now: Int64, logger: Logger) {
        do {
            let report = try janitor.runPass(at: now)
            var metadata: Logger.Metadata = ["cleanup.total": "\(report.total)"]
            for entry in report.entries {
                metadata["cleanup.\(entry.name)"] = "\(entry.count)"
            }
            logger.info("cleanup finished", metadata: metadata)
        } catch {
            logger.error("cleanup failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }
}
