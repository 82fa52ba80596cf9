#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex with one condition variable whose timed waits use the monotonic clock.
///
/// The `Synchronization` module's `Mutex` has no condition variable, which the connection pool needs
/// to let a caller wait for a connection with a timeout. The monotonic clock keeps timeouts correct when
/// the wall clock is adjusted.
final class MonotonicCondition: @unchecked Sendable {
    // Darwin's condition variables time out on the wall clock only.
    #if canImport(Darwin)
    private static let clock = CLOCK_REALTIME
    #else
    private static let clock = CLOCK_MONOTONIC
    #endif

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)

        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if !canImport(Darwin)
        pthread_condattr_setclock(&attributes, Self.clock)
        #endif
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with the mutex held.
    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Returns the monotonic deadline `timeout` from now, for `wait(until:)`.
    static func deadline(after timeout: Duration) -> timespec {
        var now = timespec()
        clock_gettime(clock, &now)

        let nanoseconds = Int64(now.tv_nsec) + timeout.components.attoseconds / 1_000_000_000
        var deadline = timespec()
        deadline.tv_sec = now.tv_sec + Int(timeout.components.seconds) + Int(nanoseconds / 1_000_000_000)
        deadline.tv_nsec = Int(nanoseconds % 1_000_000_000)
        return deadline
    }

    /// Releases the mutex until signaled or until `deadline`, then locks it again. Call it only inside `withLock`.
    ///
    /// Returns false when the deadline passed. Wakeups can be spurious, so callers re-check their condition.
    func wait(until deadline: timespec) -> Bool {
        var deadline = deadline
        return pthread_cond_timedwait(condition, mutex, &deadline) != ETIMEDOUT
    }

    /// Wakes one waiting thread.
    func signal() {
        pthread_cond_signal(condition)
    }

    /// Wakes every waiting thread.
    func broadcast() {
        pthread_cond_broadcast(condition)
    }
}
