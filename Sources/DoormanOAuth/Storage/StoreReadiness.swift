/// Whether a store's database can serve this build: the outcome of `StoreReadiness.readiness()`.
public enum Readiness: Sendable, Equatable {
    /// A query on the database succeeded and its applied migrations are exactly this build's.
    case ready
    /// The database lacks migrations that this build has, so `doorman migrate` must run first.
    case migrationsBehind(schemaVersion: Int, expectedVersion: Int)
    /// The database has migrations that this build lacks: a newer build migrated it.
    case migrationsAhead(schemaVersion: Int, expectedVersion: Int)
    /// The applied migrations differ from this build's in name or order. The text names the first difference
    /// and is meant for logs, because it may contain the database's location.
    case migrationsMismatched(String)
}

/// A store that can check its own database for a readiness probe.
///
/// Kept apart from `DoormanStore` because only the server's `/readyz` endpoint needs it.
public protocol StoreReadiness: Sendable {
    /// Queries the database and compares its applied migrations with this build's.
    ///
    /// Throws `StoreError.unavailable` when the database cannot be reached, is closed or stays busy, and another
    /// `StoreError` when the query fails. A schema that does not match is a returned state, not an error.
    func readiness() throws(StoreError) -> Readiness
}
