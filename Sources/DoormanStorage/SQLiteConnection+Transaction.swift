import CSQLite

extension SQLiteConnection {
    /// Runs `body` in a write transaction and commits it, or rolls it back if `body` or the commit throws.
    ///
    /// The outermost call uses `BEGIN IMMEDIATE`, which takes the database's write lock at the start and waits
    /// up to the busy timeout for it. A write that starts from a read snapshot could otherwise fail with
    /// `SQLITE_BUSY` at its first write without waiting. A nested call inside another `transaction` becomes a
    /// SAVEPOINT, so its rollback undoes only its own changes. Calling it inside `readTransaction` is a
    /// programmer error and stops the process, because the read transaction cannot safely become a write.
    @discardableResult
    public func transaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try runTransaction(writes: true, body)
    }

    /// Runs `body` in a read transaction (`BEGIN DEFERRED`), so every query in it reads the same snapshot.
    ///
    /// A nested call becomes a SAVEPOINT. The transaction does not stop `body` from writing, but a write in it
    /// may fail with `SQLITE_BUSY` without waiting, so writes belong in `transaction(_:)`.
    @discardableResult
    public func readTransaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try runTransaction(writes: false, body)
    }

    private func runTransaction<T>(writes: Bool, _ body: (SQLiteConnection) throws -> T) throws -> T {
        let commands = transactionCommands(writes: writes)
        try runCommand(commands.begin)
        if transactionDepth == 0 {
            outerTransactionWrites = writes
        }
        transactionDepth += 1
        defer { transactionDepth -= 1 }

        do {
            let result = try body(self)
            try runCommand(commands.commit)
            return result
        } catch {
            rollBack(commands.rollback)
            throw error
        }
    }

    private func transactionCommands(writes: Bool) -> (begin: String, commit: String, rollback: [String]) {
        guard transactionDepth > 0 else {
            return (writes ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", "COMMIT", ["ROLLBACK"])
        }

        precondition(
            !writes || outerTransactionWrites,
            "transaction() called inside readTransaction() on \(path); start the outer one with transaction()")
        let name = "nested_\(transactionDepth)"
        return ("SAVEPOINT \(name)", "RELEASE \(name)", ["ROLLBACK TO \(name)", "RELEASE \(name)"])
    }

    /// Runs a statement without parameters or rows through the statement cache, so BEGIN and COMMIT cost no parse.
    private func runCommand(_ sql: String) throws {
        try withStatement(sql) { statement throws(SQLiteError) in
            _ = try statement.step()
        }
    }

    /// Ends work that a caller left open, so that the next owner of this connection starts clean.
    ///
    /// Rolls back an open transaction and resets statements still stepping. A statement left mid-query keeps a
    /// read snapshot open, which would show the next owner stale data and keep the WAL from being checkpointed.
    func abandonOpenWork() {
        guard sqlite3_txn_state(handle, nil) != SQLITE_TXN_NONE else {
            return
        }
        // NOTE: this repairs a caller's bug silently. It should be logged once the storage layer has a logger.
        if isInTransaction {
            try? execute("ROLLBACK")
        }
        var statement = sqlite3_next_stmt(handle, nil)
        while let current = statement {
            if sqlite3_stmt_busy(current) != 0 {
                sqlite3_reset(current)
            }
            statement = sqlite3_next_stmt(handle, current)
        }
    }

    /// Rolls back after a failure, keeping the original error.
    ///
    /// Errors such as `SQLITE_FULL` or `SQLITE_IOERR` may already have rolled the transaction back. Then
    /// ROLLBACK itself fails with "no transaction is active", which is expected and ignored.
    private func rollBack(_ commands: [String]) {
        for command in commands where isInTransaction {
            // NOTE: a rollback that fails while the transaction is still open is ignored here too. Logging it
            // belongs here once the storage layer has a logger.
            try? runCommand(command)
        }
    }
}
