/// One caller's work in a group commit, and the error that replaces its result when the group fails.
final class GroupCommitJob: @unchecked Sendable {
    /// Runs the caller's body in its own SAVEPOINT, keeps the body's result for the caller and returns the body's
    /// error. Dropped once run, or when the group ends, because it captures the caller's non-escaping body.
    private var work: ((SQLiteConnection) -> (any Error)?)?
    // Guarded by the queue's lock:
    fileprivate(set) var isDone = false
    /// The error of the group's BEGIN or COMMIT, or of a failure that ended the group's transaction early. When
    /// set, the body's own result must be discarded, because nothing the body did was committed.
    fileprivate(set) var groupError: (any Error)?

    init(work: @escaping (SQLiteConnection) -> (any Error)?) {
        self.work = work
    }

    /// Runs the work on `connection`, once, and returns the error the body threw. Only the leader calls it.
    func execute(on connection: SQLiteConnection) -> (any Error)? {
        guard let work else {
            preconditionFailure("a group commit job ran twice")
        }
        self.work = nil
        return work(connection)
    }

    /// Drops the work, whether it ran or not, and hands `error` to the caller. Call it under the queue's lock.
    fileprivate func finish(error: (any Error)?) {
        work = nil
        groupError = error
        isDone = true
    }
}

/// A queue of write transactions that the thread at its front commits together, as one SQLite transaction.
///
/// A caller appends its job and waits until the job is done or at the front. The thread whose job is at the
/// front leads: it takes up to `maximumGroupSize` jobs from the front, its own first, runs them all in one
/// transaction and marks them done. The front of what remains then leads the next group. Jobs that arrive while
/// a group runs wait for the next one, so a group contains the jobs that queued during the previous commit.
final class GroupCommitQueue: @unchecked Sendable {
    /// Maximum number of jobs in one transaction, so that one failing COMMIT fails a bounded number of callers.
    static let maximumGroupSize = 32

    private let condition = MonotonicCondition()
    // Guarded by `condition`: every job not done yet, in arrival order. The first `groupSize` jobs are running.
    private var jobs: [GroupCommitJob] = []
    private var groupSize = 0

    /// Number of jobs queued or running now.
    var count: Int {
        condition.withLock { jobs.count }
    }

    /// Appends `job` and returns once it is done. When the job reaches the front, the calling thread runs
    /// `commitGroup` with the group, which must run every job of it and return the group's error or nil.
    func submit(_ job: GroupCommitJob, commitGroup: (() -> [GroupCommitJob]) -> (any Error)?) {
        let mustLead = condition.withLock {
            jobs.append(job)
            while !job.isDone && jobs.first !== job {
                _ = condition.wait(until: MonotonicCondition.deadline(after: .seconds(1)))
            }
            return !job.isDone
        }
        guard mustLead else {
            return
        }

        // The leader takes the group only once it holds the writer lock, inside `commitGroup`, so that jobs that
        // queued while it waited for the lock join this group.
        let error = commitGroup(takeGroup)
        finishGroup(error: error)
    }

    /// Returns the jobs from the front of the queue that the next transaction runs.
    private func takeGroup() -> [GroupCommitJob] {
        condition.withLock {
            groupSize = min(jobs.count, Self.maximumGroupSize)
            return Array(jobs.prefix(groupSize))
        }
    }

    /// Marks the running group done, removes it from the queue and wakes its callers and the next leader.
    private func finishGroup(error: (any Error)?) {
        condition.withLock {
            precondition(groupSize > 0, "commitGroup returned without taking its group")
            for job in jobs.prefix(groupSize) {
                job.finish(error: error)
            }
            jobs.removeFirst(groupSize)
            groupSize = 0
            condition.broadcast()
        }
    }
}
