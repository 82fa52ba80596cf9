/// A failure of the PostgreSQL layer: connecting, a statement the server rejected, a lost connection, the pool,
/// or a row that does not decode.
///
/// No case carries a password: messages come from libpq and the server, which never repeat one, and database
/// URLs appear only through `PostgresURL.redacted`.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The part of the stack that failed.
    public enum Kind: Sendable, Equatable {
        /// Opening a connection failed, for example with connection refused or failed authentication.
        case connectionFailed
        /// The connection broke while a statement ran, so its outcome is unknown when it was a COMMIT.
        case connectionLost
        /// The server rejected a statement; `sqlState` names the condition.
        case server
        /// Every pooled connection stayed in use for the whole checkout timeout.
        case poolExhausted
        /// The pool was closed before or while the caller waited.
        case closed
        /// A column value does not have the form its reader expects.
        case invalidValue
    }

    /// The part of the stack that failed.
    public var kind: Kind
    /// The five-character SQLSTATE code, such as `23505` for a unique violation, or nil when the server sent none.
    public var sqlState: String?
    /// The primary message of libpq or the server, or a description of the failed check of this layer.
    public var message: String
    /// The name of the constraint that a constraint violation broke, or nil.
    public var constraint: String?
    /// The key columns of a unique violation, such as `web_app_id, product_id`, parsed from the server's detail
    /// text without the key's values. Nil for other errors.
    public var keyColumns: String?

    /// Creates an error from its parts.
    public init(
        kind: Kind, sqlState: String? = nil, message: String, constraint: String? = nil, keyColumns: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.constraint = constraint
        self.keyColumns = keyColumns
    }

    /// The message with the SQLSTATE when there is one, on one line.
    public var description: String {
        let text = message.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined(separator: " ")
        guard let sqlState else {
            return text
        }
        return "\(text) (SQLSTATE \(sqlState))"
    }

    /// Whether the server rolled the transaction back because of a serialization failure (`40001`) or a
    /// deadlock (`40P01`), after which running the whole transaction again can succeed.
    public var isTransient: Bool {
        sqlState == SQLState.serializationFailure || sqlState == SQLState.deadlockDetected
    }

    /// Whether a unique constraint rejected the row (`23505`).
    public var isUniqueViolation: Bool {
        sqlState == SQLState.uniqueViolation
    }

    /// Whether a foreign key rejected the row (`23503`).
    public var isForeignKeyViolation: Bool {
        sqlState == SQLState.foreignKeyViolation
    }
}

/// SQLSTATE codes this layer acts on, from the PostgreSQL manual's appendix "PostgreSQL Error Codes".
public enum SQLState {
    /// `unique_violation`.
    public static let uniqueViolation = "23505"
    /// `foreign_key_violation`.
    public static let foreignKeyViolation = "23503"
    /// `serialization_failure`.
    public static let serializationFailure = "40001"
    /// `deadlock_detected`.
    public static let deadlockDetected = "40P01"
    /// `admin_shutdown`, sent to a session that `pg_terminate_backend` ends.
    public static let adminShutdown = "57P01"
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
