/// A mutual-exclusion lock that serves waiters in the order they arrived.
///
/// A plain mutex lets a thread that releases and at once re-acquires it win again and again. The writer lock
/// must be fair, because the checkpoint thread waits for it between commits, and a busy writer would otherwise
/// keep it out for as long as writes go on, so the write-ahead log would grow without bound.
final class TicketLock: @unchecked Sendable {
    private let condition = MonotonicCondition()
    // Guarded by `condition`:
    private var nextTicket: UInt64 = 0
    private var nowServing: UInt64 = 0

    /// Runs `body` once every caller that arrived earlier has finished.
    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        acquire()
        defer { release() }
        return try body()
    }

    private func acquire() {
        condition.withLock {
            let ticket = nextTicket
            nextTicket += 1
            while nowServing != ticket {
                _ = condition.wait(until: MonotonicCondition.deadline(after: .seconds(1)))
            }
        }
    }

    private func release() {
        condition.withLock {
            nowServing += 1
            condition.broadcast()
        }
    }
}
