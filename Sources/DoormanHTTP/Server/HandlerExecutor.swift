import Dispatch

/// Runs the tasks of asynchronous handlers on the server's own dispatch queue.
///
/// Swift's global executor has one thread per core. Code elsewhere in the process that blocks those threads,
/// such as a synchronous wait in a test or a library, would otherwise stall every suspended connection until it
/// times out. Dispatch adds threads when queued work is blocked, so handlers keep running.
final class HandlerExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "doorman.http.async-handlers", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async {
            job.runSynchronously(on: executor)
        }
    }
}
