import DoormanOAuth

extension StoreError {
    /// Maps an error of the PostgreSQL layer, or of decoding a row, to the store's error cases.
    ///
    /// Unique violations become `.conflict` naming the key's columns, and foreign key violations `.missingReference`.
    /// Failures to connect, lost connections, an exhausted or closed pool, and serialization failures or deadlocks
    /// that outlasted every retry become `.unavailable`. Everything else becomes `.failure` with the description
    /// for the logs.
    init(postgres error: any Error) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as PostgresError:
            self.init(postgresError: error)
        default:
            self = .failure(String(describing: error))
        }
    }

    private init(postgresError error: PostgresError) {
        switch error.kind {
        case .connectionFailed, .connectionLost, .poolExhausted, .closed:
            self = .unavailable(error.description)
        case .invalidValue:
            self = .failure(error.description)
        case .server where error.isUniqueViolation:
            self = .conflict(Self.conflictKey(error))
        case .server where error.isForeignKeyViolation:
            self = .missingReference(error.description)
        case .server where error.isTransient:
            self = .unavailable(error.description)
        case .server:
            self = .failure(error.description)
        }
    }

    /// Returns the key that a unique violation names: the column list of the server's detail, or the column of an
    /// expression index known by name.
    private static func conflictKey(_ error: PostgresError) -> String {
        if error.constraint == "users_username_key" {
            return "username"
        }
        return error.keyColumns ?? error.constraint ?? error.message
    }
}
