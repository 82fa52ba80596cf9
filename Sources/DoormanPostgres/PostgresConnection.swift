import CPostgres

/// One libpq connection, with a cache of the statements it has prepared.
///
/// Ownership: a connection is used by one thread at a time, because libpq connections are not thread-safe.
/// Inside the server, connections come from `PostgresDatabase`, whose pool hands each one to a single thread for
/// the duration of a closure. The type is `@unchecked Sendable` only so that the pool can move it between threads.
public final class PostgresConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Statement names by SQL text. Names are local to the server session, so the cache dies with the connection.
    private var statementNames: [String: String] = [:]

    /// Opens a connection to `url`, a `postgresql://` URL or a libpq `key=value` string.
    ///
    /// `connectTimeout` bounds each connection attempt in seconds, unless the URL sets `connect_timeout` itself;
    /// libpq treats values of 1 as 2. Throws `PostgresError` of kind `connectionFailed` with libpq's message,
    /// which names the host and port and never the password.
    public init(url: String, connectTimeout: Int = 5, applicationName: String = "doorman") throws(PostgresError) {
        // Later entries override earlier ones, so the URL, expanded from `dbname`, wins over the defaults.
        let keywords = ["connect_timeout", "application_name", "dbname"]
        let values = [String(connectTimeout), applicationName, url]
        let connection = Self.connect(keywords: keywords, values: values)
        guard let connection else {
            throw PostgresError(kind: .connectionFailed, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgresError(kind: .connectionFailed, message: message)
        }
        // libpq prints server notices, such as "relation already exists, skipping", to standard error by
        // default. Doorman's statements expect those notices, so they are dropped.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
    }

    deinit {
        PQfinish(handle)
    }

    private static func connect(keywords: [String], values: [String]) -> OpaquePointer? {
        withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
    }

    /// Whether libpq considers the connection broken, after which every statement on it fails.
    public var isBroken: Bool {
        PQstatus(handle) != CONNECTION_OK
    }

    /// The process id of the server session, which `pg_terminate_backend` takes.
    public var backendProcessID: Int32 {
        PQbackendPID(handle)
    }

    /// Whether the session is inside a transaction block, failed or not.
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// Runs SQL without parameters through the simple query protocol, which accepts several statements separated
    /// by semicolons, and returns the command tag of the last one, such as `COMMIT` or `ROLLBACK`.
    @discardableResult
    public func execute(_ sql: String) throws(PostgresError) -> String {
        let result = try check(PQexec(handle, sql))
        defer { PQclear(result) }
        return String(cString: PQcmdStatus(result))
    }

    /// Runs a statement with text parameters `$1`, `$2`… and returns its rows.
    ///
    /// The statement is prepared on first use and reused by SQL text afterwards. A nil parameter is NULL.
    public func query(_ sql: String, _ parameters: [(any PostgresParameter)?] = []) throws(PostgresError)
        -> [PostgresRow]
    {
        let result = try executePrepared(sql, parameters)
        defer { PQclear(result) }
        return Self.rows(of: result)
    }

    /// Runs a statement like `query` and returns the number of rows it inserted, updated or deleted.
    @discardableResult
    public func run(_ sql: String, _ parameters: [(any PostgresParameter)?] = []) throws(PostgresError) -> Int {
        let result = try executePrepared(sql, parameters)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    private func executePrepared(_ sql: String, _ parameters: [(any PostgresParameter)?]) throws(PostgresError)
        -> OpaquePointer
    {
        let name = try prepare(sql)
        let texts = parameters.map { $0?.postgresText }
        return try check(
            withOptionalCStrings(texts) { pointers in
                PQexecPrepared(handle, name, Int32(texts.count), pointers, nil, nil, 0)
            })
    }

    /// Returns the name of the prepared statement for `sql`, preparing it on the server the first time.
    private func prepare(_ sql: String) throws(PostgresError) -> String {
        if let name = statementNames[sql] {
            return name
        }
        let name = "doorman_\(statementNames.count + 1)"
        PQclear(try check(PQprepare(handle, name, sql, 0, nil)))
        statementNames[sql] = name
        return name
    }

    /// Returns `result` when it reports success, and otherwise clears it and throws its error.
    private func check(_ result: OpaquePointer?) throws(PostgresError) -> OpaquePointer {
        guard let result else {
            throw failure(result: nil)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        default:
            let error = failure(result: result)
            PQclear(result)
            throw error
        }
    }

    private func failure(result: OpaquePointer?) -> PostgresError {
        let field = { (code: UInt8) -> String? in
            guard let result, let value = PQresultErrorField(result, Int32(code)) else {
                return nil
            }
            return String(cString: value)
        }
        let primary = field(DiagnosticField.primaryMessage)
        let message = primary ?? String(cString: PQerrorMessage(handle))
        let kind: PostgresError.Kind = isBroken ? .connectionLost : .server
        return PostgresError(
            kind: kind, sqlState: field(DiagnosticField.sqlState), message: message,
            constraint: field(DiagnosticField.constraintName),
            keyColumns: field(DiagnosticField.detail).flatMap(Self.keyColumns(inDetail:)))
    }

    /// Returns the column list of a detail text like `Key (web_app_id, product_id)=(…) already exists.`
    static func keyColumns(inDetail detail: String) -> String? {
        guard detail.hasPrefix("Key ("), let end = detail.firstRange(of: ")=(") else {
            return nil
        }
        return String(detail[detail.index(detail.startIndex, offsetBy: 5)..<end.lowerBound])
    }

    private static func rows(of result: OpaquePointer) -> [PostgresRow] {
        let columnCount = PQnfields(result)
        let names = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        return (0..<PQntuples(result)).map { row in
            let values = (0..<columnCount).map { column -> String? in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
            return PostgresRow(values: values, columnNames: names)
        }
    }
}

/// Codes of `PQresultErrorField`, the `PG_DIAG_*` characters of `postgres_ext.h`.
private enum DiagnosticField {
    static let sqlState = UInt8(ascii: "C")
    static let primaryMessage = UInt8(ascii: "M")
    static let detail = UInt8(ascii: "D")
    static let constraintName = UInt8(ascii: "n")
}
