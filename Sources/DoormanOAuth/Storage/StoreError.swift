/// The reason a store operation failed. Stores map their engine's errors to these cases.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A record with the same unique key exists, such as a taken username; the associated text names the key.
    case conflict(String)
    /// A record that the operation refers to does not exist, such as the product of a new plan.
    case missingReference(String)
    /// The database cannot be reached or stayed busy past its timeout; retrying later may succeed.
    case unavailable(String)
    /// Any other failure; the text is for logs, not for clients.
    case failure(String)

    public var description: String {
        switch self {
        case .conflict(let key): "already exists: \(key)"
        case .missingReference(let what): "refers to a record that does not exist: \(what)"
        case .unavailable(let reason): "database unavailable: \(reason)"
        case .failure(let reason): "database failure: \(reason)"
        }
    }
}
