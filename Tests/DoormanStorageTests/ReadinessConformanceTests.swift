import DoormanOAuth
import Testing

/// `StoreReadiness`, checked against every store in `StoreFactory.all`. A store whose schema is migrated by its
/// factory must report ready. The states of an outdated schema are set up differently by each engine, so each
/// store tests them in its own suite.
struct ReadinessConformanceTests {
    @Test(arguments: StoreFactory.all)
    func migratedStoreIsReady(factory: StoreFactory) throws {
        try factory.withStore { store in
            let readiness = try #require(store as? any StoreReadiness, "\(factory.name) must implement StoreReadiness")

            #expect(try readiness.readiness() == .ready)
        }
    }

    @Test(arguments: StoreFactory.all)
    func readinessRepeatsWithoutChange(factory: StoreFactory) throws {
        try factory.withStore { store in
            let readiness = try #require(store as? any StoreReadiness, "\(factory.name) must implement StoreReadiness")
            try store.createUser(User(id: "user_ready", username: "ready", passwordHash: "hash"))

            #expect(try readiness.readiness() == .ready)
            #expect(try readiness.readiness() == .ready)
            #expect(try store.user(id: "user_ready") != nil)
        }
    }
}
