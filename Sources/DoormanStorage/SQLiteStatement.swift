import CSQLite

/// `SQLITE_TRANSIENT`, the destructor value that makes SQLite copy bound text and blobs during the bind call.
///
/// The C macro casts -1 to a destructor pointer, which Swift does not import.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement of one `SQLiteConnection`, with 1-based parameter indexes and 0-based column indexes.
///
/// A statement belongs to its connection and must be used only by the thread that has checked out that
/// connection. Statements from `SQLiteConnection.prepare(_:)` are shared through the connection's cache.
public final class SQLiteStatement {
    /// SQL text the statement was prepared from.
    public let sql: String

    let handle: OpaquePointer
    private let path: String

    /// Whether `SQLiteConnection.withStatement(_:_:)` is using this statement, so `prepare` must not return it.
    var isInUse = false

    init(handle: OpaquePointer, sql: String, path: String) {
        self.handle = handle
        self.sql = sql
        self.path = path
    }

    deinit {
        // The connection closes with sqlite3_close_v2, which defers the close until this runs.
        sqlite3_finalize(handle)
    }

    func error(_ result: Int32) -> SQLiteError {
        SQLiteError(result: result, database: sqlite3_db_handle(handle), sql: sql, path: path)
    }

    /// Advances to the next row: returns true when a row is available and false when the statement is done.
    ///
    /// Throws `SQLiteError` for any other result, such as a constraint violation or `SQLITE_BUSY`.
    public func step() throws(SQLiteError) -> Bool {
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(result)
        }
    }

    /// Resets the statement so that it can run again, and sets every parameter back to NULL.
    public func reset() {
        // sqlite3_reset repeats the error of the last step, which step() has already thrown.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Number of `?` parameters in the statement.
    public var parameterCount: Int32 {
        sqlite3_bind_parameter_count(handle)
    }
}

// MARK: - Binding

extension SQLiteStatement {
    /// Binds `values` to parameters 1 through `values.count`, after checking that the statement has that many.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        guard values.count == parameterCount else {
            throw SQLiteError(
                code: SQLITE_RANGE, extendedCode: SQLITE_RANGE,
                message: "statement has \(parameterCount) parameters but \(values.count) values were bound",
                sql: sql, path: path)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds `value` to the parameter at the 1-based `index`.
    public func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        switch value {
        case let .integer(integer): try bind(integer, at: index)
        case let .real(real): try bind(real, at: index)
        case let .text(text): try bind(text, at: index)
        case let .blob(bytes): try bind(bytes, at: index)
        case .null: try bindNull(at: index)
        }
    }

    /// Binds an integer to the parameter at the 1-based `index`.
    public func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds an integer to the parameter at the 1-based `index`.
    public func bind(_ value: Int, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    /// Binds a floating-point number to the parameter at the 1-based `index`.
    public func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds the UTF-8 bytes of `value` to the parameter at the 1-based `index`. SQLite copies them.
    public func bind(_ value: String, at index: Int32) throws(SQLiteError) {
        var text = value
        let result = text.withUTF8 { bytes in
            // A nil pointer would bind NULL instead of an empty string, so empty text gets a valid pointer.
            guard let address = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, transientDestructor)
            }
            return address.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                sqlite3_bind_text(handle, index, characters, Int32(bytes.count), transientDestructor)
            }
        }
        try check(result)
    }

    /// Binds `value` as a blob to the parameter at the 1-based `index`. SQLite copies the bytes.
    public func bind(_ value: [UInt8], at index: Int32) throws(SQLiteError) {
        // A nil pointer would bind NULL instead of an empty blob.
        guard !value.isEmpty else {
            try check(sqlite3_bind_zeroblob(handle, index, 0))
            return
        }
        let result = value.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), transientDestructor)
        }
        try check(result)
    }

    /// Binds NULL to the parameter at the 1-based `index`.
    public func bindNull(at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(handle, index))
    }

    private func check(_ result: Int32) throws(SQLiteError) {
        guard result == SQLITE_OK else {
            throw error(result)
        }
    }
}

// MARK: - Reading columns

extension SQLiteStatement {
    /// Number of columns in each result row.
    public var columnCount: Int32 {
        sqlite3_column_count(handle)
    }

    /// Name of the column at the 0-based `index`, as the `AS` clause or the table gives it.
    public func columnName(at index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }

    /// Returns whether the column at the 0-based `index` of the current row is NULL.
    public func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// Reads the column as an integer, converting as SQLite does: NULL becomes 0, and text is parsed.
    public func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// Reads the column as an `Int`, converting as SQLite does: NULL becomes 0.
    public func int(at index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    /// Reads the column as a floating-point number, converting as SQLite does: NULL becomes 0.0.
    public func double(at index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    /// Reads the column as text: NULL becomes "", and invalid UTF-8 is replaced with U+FFFD.
    public func string(at index: Int32) -> String {
        guard let characters = sqlite3_column_text(handle, index) else {
            return ""
        }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: characters, count: count), as: UTF8.self)
    }

    /// Reads the column as bytes: NULL and the empty blob both become [].
    public func blob(at index: Int32) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(handle, index) else {
            return []
        }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Reads the column in its stored storage class, keeping NULL distinct from 0 and "".
    public func value(at index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer(int64(at: index))
        case SQLITE_FLOAT: .real(double(at: index))
        case SQLITE_TEXT: .text(string(at: index))
        case SQLITE_BLOB: .blob(blob(at: index))
        default: .null
        }
    }

    /// Reads the column as text, or nil when it is NULL.
    public func optionalString(at index: Int32) -> String? {
        isNull(at: index) ? nil : string(at: index)
    }

    /// Reads the column as an integer, or nil when it is NULL.
    public func optionalInt64(at index: Int32) -> Int64? {
        isNull(at: index) ? nil : int64(at: index)
    }
}
