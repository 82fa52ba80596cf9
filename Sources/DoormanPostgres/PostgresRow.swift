/// One row of a result, in PostgreSQL's text output format, with readers that check each value's form.
///
/// A value that does not have the expected form throws `PostgresError` of kind `invalidValue` naming the column,
/// because the row was then written by something other than this layer.
public struct PostgresRow: Sendable {
    /// The column values in select order, nil for NULL.
    public let values: [String?]
    /// The column names in select order.
    public let columnNames: [String]

    /// Creates a row from its values and column names, which must have the same count.
    public init(values: [String?], columnNames: [String]) {
        precondition(values.count == columnNames.count, "a row needs one name per value")
        self.values = values
        self.columnNames = columnNames
    }

    /// Returns whether column `index` is NULL.
    public func isNull(at index: Int) -> Bool {
        values[index] == nil
    }

    /// Reads a text column that must not be NULL.
    public func string(at index: Int) throws(PostgresError) -> String {
        guard let value = values[index] else {
            throw invalid("NULL", at: index, expected: "a value")
        }
        return value
    }

    /// Reads a nullable text column.
    public func optionalString(at index: Int) -> String? {
        values[index]
    }

    /// Reads a `bigint` or `integer` column that must not be NULL.
    public func int64(at index: Int) throws(PostgresError) -> Int64 {
        let text = try string(at: index)
        guard let value = Int64(text) else {
            throw invalid(text, at: index, expected: "an integer")
        }
        return value
    }

    /// Reads a nullable `bigint` or `integer` column.
    public func optionalInt64(at index: Int) throws(PostgresError) -> Int64? {
        isNull(at: index) ? nil : try int64(at: index)
    }

    /// Reads an integer column that must fit in `Int`.
    public func int(at index: Int) throws(PostgresError) -> Int {
        let value = try int64(at: index)
        guard let narrowed = Int(exactly: value) else {
            throw invalid(String(value), at: index, expected: "an integer that fits in Int")
        }
        return narrowed
    }

    /// Reads a `boolean` column, whose text form is `t` or `f`.
    public func bool(at index: Int) throws(PostgresError) -> Bool {
        switch try string(at: index) {
        case "t": return true
        case "f": return false
        case let text: throw invalid(text, at: index, expected: "t or f")
        }
    }

    /// Reads a nullable column of hex digits, such as `encode(column, 'hex')` of a `bytea`, as bytes.
    ///
    /// Selecting `encode(…, 'hex')` rather than the `bytea` itself keeps the text form independent of the
    /// server's `bytea_output` setting.
    public func optionalHexBytes(at index: Int) throws(PostgresError) -> [UInt8]? {
        guard let text = values[index] else {
            return nil
        }
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else {
            throw invalid(text, at: index, expected: "an even number of hex digits")
        }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.hexValue(digits[pair]), let low = Self.hexValue(digits[pair + 1]) else {
                throw invalid(text, at: index, expected: "hex digits")
            }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private func invalid(_ text: String, at index: Int, expected: String) -> PostgresError {
        PostgresError(
            kind: .invalidValue,
            message: "invalid value \(String(reflecting: text)) in column \(columnNames[index]): expected \(expected)")
    }
}
