import DoormanOAuth

extension SQLiteStore: StoreReadiness {
    /// Reads `schema_migrations` on a pooled connection and compares it with `SQLiteMigrations.all`.
    ///
    /// NOTE: when every connection is in use, this waits up to the pool's checkout timeout (5 s by default) before
    /// it throws `.unavailable`, so a probe with a shorter timeout times out rather than receiving a 503.
    public func readiness() throws(StoreError) -> Readiness {
        let migrator = SQLiteMigrations.migrator()
        do {
            return try database.withConnection { connection in
                let pending = try migrator.pending(connection)
                guard !pending.isEmpty else {
                    return .ready
                }
                let schemaVersion = try migrator.currentVersion(connection)
                return .migrationsBehind(schemaVersion: schemaVersion, expectedVersion: migrator.latestVersion)
            }
        } catch let error as MigrationError {
            guard case .databaseNewerThanCode(_, let recorded, let latest) = error else {
                return .migrationsMismatched(error.description)
            }
            return .migrationsAhead(schemaVersion: recorded, expectedVersion: latest)
        } catch {
            throw StoreError(storing: error)
        }
    }
}
