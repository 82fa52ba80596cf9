/// A record that a new row refers to, such as the product of a plan, for naming it when it is missing.
struct RecordReference: CustomStringConvertible {
    /// The record type in words, such as "user" or "product".
    let kind: String
    /// The table that contains the record.
    let table: String
    /// The unique column the reference points at.
    let column: String
    /// The value the new row carries.
    let value: String

    /// Creates a reference to the row of `table` whose `column` is `value`; the column defaults to `id`.
    init(_ kind: String, table: String, column: String = "id", value: String) {
        self.kind = kind
        self.table = table
        self.column = column
        self.value = value
    }

    /// The kind and the value, such as `product prod_abc`.
    var description: String {
        "\(kind) \(value)"
    }

    /// Returns whether the referenced row exists.
    func exists(in connection: SQLiteConnection) throws -> Bool {
        // Table and column come from this module's constants, never from input, so interpolating them is safe.
        try connection.queryFirst("SELECT 1 FROM \(table) WHERE \(column) = ?", [.text(value)]) { _ in true } ?? false
    }
}
