/// A value in one of SQLite's five storage classes, used for bindings and for reading columns generically.
///
/// Literals work where a value is expected: `[42, "alice", nil, 1.5]` is `[.integer, .text, .null, .real]`.
public enum SQLiteValue: Sendable, Hashable {
    /// 64-bit signed integer.
    case integer(Int64)
    /// 64-bit IEEE floating-point number.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes stored as they are.
    case blob([UInt8])
    /// SQL NULL.
    case null
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    /// Creates an `.integer` value.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    /// Creates a `.real` value.
    public init(floatLiteral value: Double) {
        self = .real(value)
    }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    /// Creates a `.text` value.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    /// Creates `.null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension SQLiteValue {
    /// Creates an `.integer` value from an `Int`.
    public init(_ value: Int) {
        self = .integer(Int64(value))
    }

    /// Creates a `.text` value, or `.null` when `value` is nil.
    public init(_ value: String?) {
        self = value.map { .text($0) } ?? .null
    }

    /// Creates an `.integer` value, or `.null` when `value` is nil.
    public init(_ value: Int64?) {
        self = value.map { .integer($0) } ?? .null
    }
}
