import CSQLite
import DoormanOAuth

extension StoreError {
    /// Maps an error from the SQLite layer, or from decoding a row, to the store's error cases.
    ///
    /// Unique violations become `.conflict` with the column names from SQLite's message, foreign key
    /// violations `.missingReference`, lock and pool timeouts and a closed or unopenable database
    /// `.unavailable`, and everything else `.failure` with the full description for the logs.
    init(storing error: any Error) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as SQLiteError:
            self.init(sqlite: error)
        case let error as SQLiteDatabaseError:
            self = .unavailable(error.description)
        default:
            self = .failure(String(describing: error))
        }
    }

    private init(sqlite error: SQLiteError) {
        if error.isUniqueViolation {
            self = .conflict(Self.constrainedColumns(error.message))
        } else if error.isForeignKeyViolation {
            self = .missingReference(error.message)
        } else if error.isBusy || error.code == SQLITE_CANTOPEN {
            self = .unavailable(error.description)
        } else {
            self = .failure(error.description)
        }
    }

    /// Returns the column names of a message like `UNIQUE constraint failed: users.username`, without tables.
    ///
    /// Several columns, as a composite key gives, come back joined by ", ". A message in another form comes
    /// back whole, because it is still the best description of the key.
    static func constrainedColumns(_ message: String) -> String {
        guard let marker = message.firstRange(of: "constraint failed: ") else {
            return message
        }

        let columns = message[marker.upperBound...].split(separator: ",").map { qualified in
            let name = qualified.filter { $0 != " " }
            return name.split(separator: ".").last.map(String.init) ?? name
        }
        return columns.joined(separator: ", ")
    }
}
