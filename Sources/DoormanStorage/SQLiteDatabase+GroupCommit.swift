extension SQLiteDatabase {
    /// Runs `body` in a SAVEPOINT of its own inside a write transaction that may also hold other callers' bodies,
    /// and returns its result once that transaction has committed (group commit).
    ///
    /// Callers that arrive while another group commits queue up, and the first of them then runs every queued body,
    /// up to `GroupCommitQueue.maximumGroupSize`, in one `BEGIN IMMEDIATE` transaction on its own thread. A
    /// body reads the changes of the bodies before it in the group. A body that throws rolls back its SAVEPOINT alone
    /// and its caller gets the error. Every caller of the group gets the error of BEGIN or COMMIT instead of its
    /// result when either fails, so no result is returned for work that was not committed. A failure that ends the
    /// whole transaction early, as `SQLITE_FULL` can, fails the group in the same way.
    ///
    /// `body` runs on another caller's thread, so it must not depend on which thread runs it, and it must not
    /// call `groupedTransaction` or `transaction` of this database, which would wait for itself.
    @discardableResult
    public func groupedTransaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        var outcome: Result<T, any Error>?
        // The job keeps `body` only until the group ends, which is before `submit` returns, so it never escapes.
        let groupError = withoutActuallyEscaping(body) { body -> (any Error)? in
            let job = GroupCommitJob { connection in
                do {
                    outcome = .success(try connection.transaction(body))
                    return nil
                } catch {
                    outcome = .failure(error)
                    return error
                }
            }
            groupCommits.submit(job, commitGroup: commitGroup)
            return job.groupError
        }

        if let groupError {
            throw groupError
        }
        guard let outcome else {
            preconditionFailure("a group commit ended without running a job and without an error")
        }
        return try outcome.get()
    }

    /// Runs the jobs that `takeGroup` returns in one write transaction and returns the error that fails all of
    /// them, or nil when the transaction committed.
    private func commitGroup(_ takeGroup: () -> [GroupCommitJob]) -> (any Error)? {
        writerLock.withLock {
            let group = takeGroup()
            do {
                try withWriter { connection in
                    try connection.transaction { connection in
                        try Self.execute(group, on: connection)
                    }
                }
                return nil
            } catch {
                return error
            }
        }
    }

    /// Runs each job in its own SAVEPOINT, and throws when a failed job has ended the whole transaction.
    private static func execute(_ group: [GroupCommitJob], on connection: SQLiteConnection) throws {
        for job in group {
            // Errors such as SQLITE_FULL or SQLITE_IOERR may roll back the whole transaction. A SAVEPOINT after that
            // would start a new transaction of its own, so the group stops here and fails every job.
            if let error = job.execute(on: connection), !connection.isInTransaction {
                throw error
            }
        }
    }
}
