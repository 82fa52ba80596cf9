import CSQLite

/// An error reported by SQLite, with the result codes, SQLite's message and the statement that failed.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Primary result code, such as `SQLITE_CONSTRAINT` (19) or `SQLITE_BUSY` (5).
    public let code: Int32
    /// Extended result code, such as `SQLITE_CONSTRAINT_UNIQUE` (2067), or `code` when there is none.
    public let extendedCode: Int32
    /// Text from `sqlite3_errmsg`, or a description of the failed check for errors raised by this layer.
    public let message: String
    /// SQL of the failing statement, or nil when the failure is not tied to one (opening, closing).
    public let sql: String?
    /// Path of the database file.
    public let path: String

    /// Creates an error from its parts.
    public init(code: Int32, extendedCode: Int32, message: String, sql: String?, path: String) {
        self.code = code
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
        self.path = path
    }

    /// Creates an error from a result code and the message SQLite recorded on `database`.
    init(result: Int32, database: OpaquePointer?, sql: String?, path: String) {
        let extended = database.map { sqlite3_extended_errcode($0) } ?? result
        // sqlite3_errmsg describes the most recent call on the connection, so callers build this error
        // right after the failing call.
        let message = database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        self.init(
            code: result & 0xff,
            extendedCode: extended & 0xff == result & 0xff ? extended : result,
            message: message ?? String(cString: sqlite3_errstr(result)),
            sql: sql,
            path: path)
    }

    /// Whether another connection held a lock for longer than the busy timeout (`SQLITE_BUSY` or `SQLITE_LOCKED`).
    public var isBusy: Bool {
        code == SQLITE_BUSY || code == SQLITE_LOCKED
    }

    /// Whether a UNIQUE, PRIMARY KEY, NOT NULL, CHECK or FOREIGN KEY constraint rejected the statement.
    public var isConstraintViolation: Bool {
        code == SQLITE_CONSTRAINT
    }

    /// Whether the statement violated a UNIQUE or PRIMARY KEY constraint, for example a duplicate user name.
    public var isUniqueViolation: Bool {
        extendedCode == ExtendedCode.unique || extendedCode == ExtendedCode.primaryKey
    }

    /// Whether the statement violated a FOREIGN KEY constraint.
    public var isForeignKeyViolation: Bool {
        extendedCode == ExtendedCode.foreignKey
    }

    /// Extended constraint codes. Swift does not import their C macros, which combine other macros.
    private enum ExtendedCode {
        static let foreignKey = SQLITE_CONSTRAINT | (3 << 8)
        static let primaryKey = SQLITE_CONSTRAINT | (6 << 8)
        static let unique = SQLITE_CONSTRAINT | (8 << 8)
    }

    /// A sentence with the SQLite message, the result codes, the statement and the database path.
    public var description: String {
        var text = "SQLite error \(code)"
        if extendedCode != code {
            text += " (extended \(extendedCode))"
        }
        text += ": \(message)"
        if let sql {
            text += " in statement \"\(sql)\""
        }
        return text + " on database \(path)"
    }
}
