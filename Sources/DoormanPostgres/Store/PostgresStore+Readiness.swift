import DoormanOAuth

extension PostgresStore: StoreReadiness {
    /// Reads `schema_migrations` on a pooled connection and compares it with `PostgresMigrations.all`.
    ///
    /// NOTE: when every connection is in use, this waits up to the pool's checkout timeout before it throws
    /// `.unavailable`, so a probe with a shorter timeout times out rather than receiving a 503.
    public func readiness() throws(StoreError) -> Readiness {
        let migrator = PostgresMigrations.migrator()
        do {
            let status = try migrator.status(database)
            guard status.pendingCount > 0 else {
                return .ready
            }
            return .migrationsBehind(schemaVersion: status.schemaVersion, expectedVersion: migrator.latestVersion)
        } catch let error as PostgresMigrationError {
            guard case .databaseNewerThanCode(let recorded, let latest) = error else {
                return .migrationsMismatched(error.description)
            }
            return .migrationsAhead(schemaVersion: recorded, expectedVersion: latest)
        } catch {
            throw StoreError(postgres: error)
        }
    }
}
