import Foundation

/// Copies the write-ahead log into the database file every `interval`, on a thread of its own.
///
/// Each round first runs `PRAGMA wal_checkpoint(PASSIVE)` without any lock, which copies most frames and syncs
/// the file while writers go on committing. It then repeats the checkpoint while holding the database's writer
/// lock, which copies only the few frames committed meanwhile. The log is then fully copied with no writer in
/// between, so the next writer starts the log over from its beginning and the file stops growing. A round
/// that fails, for example on a lock held by another process, is retried at the next interval.
final class Checkpointer: @unchecked Sendable {
    private let condition = MonotonicCondition()
    // Guarded by `condition`:
    private var isStopping = false
    private var isStopped = false

    /// Starts the thread. `withWriterLock` runs its argument while this process's writers are held off.
    init(
        path: String, interval: Duration, busyTimeout: Duration,
        withWriterLock: @escaping @Sendable (() -> Void) -> Void
    ) {
        let thread = Thread { [self] in
            run(path: path, interval: interval, busyTimeout: busyTimeout, withWriterLock: withWriterLock)
        }
        thread.name = "doorman.sqlite.checkpoint"
        thread.start()
    }

    /// Ends the thread and waits until it has closed its connection. Calling it again does nothing.
    func stop() {
        condition.withLock {
            isStopping = true
            condition.broadcast()
            while !isStopped {
                _ = condition.wait(until: MonotonicCondition.deadline(after: .seconds(1)))
            }
        }
    }

    private func run(
        path: String, interval: Duration, busyTimeout: Duration,
        withWriterLock: (() -> Void) -> Void
    ) {
        runRounds(path: path, interval: interval, busyTimeout: busyTimeout, withWriterLock: withWriterLock)
        // The connection is closed by now. `stop()` returns only after this, so the pool's last connection to
        // close is the last one to the file, and SQLite's checkpoint at that close empties and deletes the log.
        condition.withLock {
            isStopped = true
            condition.broadcast()
        }
    }

    private func runRounds(
        path: String, interval: Duration, busyTimeout: Duration,
        withWriterLock: (() -> Void) -> Void
    ) {
        // Without a connection no round can run, and SQLite's own checkpoint at close still empties the log.
        let connection = try? SQLiteConnection(path: path, busyTimeout: busyTimeout, automaticCheckpoints: false)
        while waitForNextRound(interval) {
            try? connection?.execute(Self.checkpoint)
            withWriterLock {
                try? connection?.execute(Self.checkpoint)
            }
        }
    }

    private static let checkpoint = "PRAGMA wal_checkpoint(PASSIVE)"

    /// Sleeps for `interval` and returns true, or returns false as soon as `stop()` is called.
    private func waitForNextRound(_ interval: Duration) -> Bool {
        condition.withLock {
            let deadline = MonotonicCondition.deadline(after: interval)
            while !isStopping, condition.wait(until: deadline) {}
            return !isStopping
        }
    }
}
