import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PostgresDatabase {
    /// Opens a pool like `init(configuration:logger:)`, and while the server cannot be reached, retries with pauses
    /// that double from 250 ms up to 2 s until `wait` has passed.
    ///
    /// Throws the last `PostgresError` of kind `connectionFailed`. Its message gives the time spent and the number of
    /// attempts, and ends in libpq's reason, which names the host and port. A `wait` of zero tries once.
    public static func connect(
        configuration: PostgresConfiguration, waitingUpTo wait: Duration, logger: Logger
    ) throws(PostgresError) -> PostgresDatabase {
        let start = ContinuousClock.now
        var pause = Duration.milliseconds(250)
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try PostgresDatabase(configuration: configuration, logger: logger)
            } catch let error where error.kind == .connectionFailed {
                let elapsed = ContinuousClock.now - start
                guard elapsed + pause <= wait else {
                    throw gaveUp(error, attempts: attempts, elapsed: elapsed, configuration: configuration)
                }
                logger.warning(
                    "database not reachable, retrying",
                    metadata: [
                        "db.url": "\(PostgresURL.redacted(configuration.url))", "db.attempt": "\(attempts)",
                        "error": "\(error)",
                    ])
                sleep(for: pause)
                pause = min(pause * 2, .seconds(2))
            }
        }
    }

    private static func gaveUp(
        _ error: PostgresError, attempts: Int, elapsed: Duration, configuration: PostgresConfiguration
    ) -> PostgresError {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        var failure = error
        failure.message =
            "gave up connecting to \(PostgresURL.redacted(configuration.url)) after \(tries) in "
            + "\(String(format: "%.1f", seconds)) s: \(error.description)"
        return failure
    }

    private static func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        nanosleep(&request, nil)
    }
}
