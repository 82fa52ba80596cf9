import DoormanOAuth
import DoormanStorage
import Testing

/// Users and the catalog, checked against every store in `StoreFactory.all`.
struct StoreConformanceTests {
    @Test(arguments: StoreFactory.all)
    func userRoundTripWithEveryField(factory: StoreFactory) throws {
        try factory.withStore { store in
            let user = User(
                id: "user_full", username: "Zoë_Ångström", name: "Zoë Ångström 山田", email: "zoe@example.com",
                profilePictureURL: "https://cdn.example/zoë.png", passwordHash: "$argon2id$v=19$m=65536$abc")
            try store.createUser(user)

            let loaded = try #require(try store.user(id: user.id))
            #expect(loaded.id == user.id)
            #expect(loaded.username == user.username)
            #expect(loaded.name == user.name)
            #expect(loaded.email == user.email)
            #expect(loaded.profilePictureURL == user.profilePictureURL)
            #expect(loaded.passwordHash == user.passwordHash)
        }
    }
}
