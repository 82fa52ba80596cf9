/// A value sent as a text parameter of a prepared statement. The server converts the text to the column's type.
public protocol PostgresParameter: Sendable {
    /// The value in PostgreSQL's text input format.
    var postgresText: String { get }
}

extension String: PostgresParameter {
    /// The string itself.
    public var postgresText: String { self }
}

extension Int: PostgresParameter {
    /// The decimal digits.
    public var postgresText: String { String(self) }
}

extension Int64: PostgresParameter {
    /// The decimal digits.
    public var postgresText: String { String(self) }
}

extension Bool: PostgresParameter {
    /// `true` or `false`.
    public var postgresText: String { self ? "true" : "false" }
}
