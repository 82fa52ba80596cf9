import CSQLite

extension SQLiteConnection {
    /// Runs a statement that returns no rows, such as INSERT, UPDATE or DELETE, and returns `changes`.
    ///
    /// Throws `SQLiteError` if the statement returns a row, because the row would be silently lost.
    @discardableResult
    public func run(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Int {
        try withStatement(sql) { statement throws(SQLiteError) in
            try statement.bind(bindings)
            guard try !statement.step() else {
                throw SQLiteError(
                    code: SQLITE_MISUSE, extendedCode: SQLITE_MISUSE,
                    message: "statement returned a row but run() discards rows; use query() instead",
                    sql: sql, path: path)
            }
        }
        return changes
    }

    /// Runs a query and returns `row` applied to each result row, in order.
    public func query<T>(
        _ sql: String, _ bindings: [SQLiteValue] = [], row: (SQLiteStatement) throws -> T
    ) throws -> [T] {
        try withStatement(sql) { statement in
            try statement.bind(bindings)
            var rows: [T] = []
            while try statement.step() {
                rows.append(try row(statement))
            }
            return rows
        }
    }

    /// Runs a query and returns `row` applied to the first result row, or nil when there is none.
    public func queryFirst<T>(
        _ sql: String, _ bindings: [SQLiteValue] = [], row: (SQLiteStatement) throws -> T
    ) throws -> T? {
        try withStatement(sql) { statement in
            try statement.bind(bindings)
            guard try statement.step() else {
                return nil
            }
            return try row(statement)
        }
    }
}
