/// A value in a flat JSON response object, kept typed so the HTTP layer can serialize it without guessing.
public enum FieldValue: Sendable, Hashable {
    /// A JSON string.
    case string(String)
    /// A JSON integer, such as a lifetime in seconds or a Unix time.
    case integer(Int64)
    /// A JSON `true` or `false`.
    case boolean(Bool)
    /// JSON `null`.
    case null
}
