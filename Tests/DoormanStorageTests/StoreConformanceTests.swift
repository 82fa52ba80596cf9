import DoormanOAuth
import DoormanStorage
import Testing

/// Users and browser sessions, checked against every store in `StoreFactory.all`.
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

    @Test(arguments: StoreFactory.all)
    func userOptionalFieldsStayNil(factory: StoreFactory) throws {
        try factory.withStore { store in
            let user = User(id: "user_bare", username: "bare", passwordHash: "hash")
            try store.createUser(user)

            let loaded = try #require(try store.user(id: user.id))
            #expect(loaded.name == nil)
            #expect(loaded.email == nil)
            #expect(loaded.profilePictureURL == nil)
            #expect(loaded == user)
        }
    }

    @Test(arguments: StoreFactory.all)
    func missingUserIsNil(factory: StoreFactory) throws {
        try factory.withStore { store in
            try Fixture.insert(into: store)

            #expect(try store.user(id: "user_nobody") == nil)
            #expect(try store.user(username: "nobody") == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func usernameLookupIgnoresASCIICase(factory: StoreFactory) throws {
        try factory.withStore { store in
            let user = User(id: "user_alice", username: "Alice", passwordHash: "hash")
            try store.createUser(user)

            #expect(try store.user(username: "Alice") == user)
            #expect(try store.user(username: "alice") == user)
            #expect(try store.user(username: "ALICE") == user)
            #expect(try store.user(username: "Alice ") == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func usernameLookupKeepsNonASCIICase(factory: StoreFactory) throws {
        try factory.withStore { store in
            let user = User(id: "user_eva", username: "Éva", passwordHash: "hash")
            try store.createUser(user)

            #expect(try store.user(username: "ÉVA") == user)
            #expect(try store.user(username: "éva") == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func duplicateUsernameConflicts(factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.createUser(User(id: "user_first", username: "Alice", passwordHash: "hash"))

            for username in ["Alice", "alice", "ALICE"] {
                let duplicate = User(id: "user_\(username)", username: username, passwordHash: "hash")
                #expect(throws: StoreError.conflict("username")) { try store.createUser(duplicate) }
                #expect(try store.user(id: duplicate.id) == nil)
            }
        }
    }

    @Test(arguments: StoreFactory.all)
    func duplicateUserIDConflicts(factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.createUser(User(id: "user_same", username: "first", passwordHash: "hash"))

            let error = #expect(throws: StoreError.self) {
                try store.createUser(User(id: "user_same", username: "second", passwordHash: "hash"))
            }
            #expect(error?.isConflict == true)
            #expect(try store.user(username: "second") == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func sessionRoundTrip(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let signedIn = BrowserSession(
                idHash: TokenHash.of("session-one"), userID: fixture.user.id, csrfToken: "csrf-one",
                createdAt: Fixture.now, expiresAt: Fixture.now + 3_600)
            let visitor = BrowserSession(
                idHash: TokenHash.of("session-two"), userID: nil, csrfToken: "csrf-two", createdAt: Fixture.now,
                expiresAt: Fixture.now + 60)
            try store.createSession(signedIn)
            try store.createSession(visitor)

            #expect(try store.session(idHash: signedIn.idHash) == signedIn)
            #expect(try store.session(idHash: visitor.idHash) == visitor)
            #expect(try store.session(idHash: visitor.idHash)?.userID == nil)
            #expect(try store.session(idHash: TokenHash.of("session-unknown")) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func deleteSessionRemovesOnlyIt(factory: StoreFactory) throws {
        try factory.withStore { store in
            let first = BrowserSession(
                idHash: TokenHash.of("first"), userID: nil, csrfToken: "a", createdAt: 1, expiresAt: 2)
            let second = BrowserSession(
                idHash: TokenHash.of("second"), userID: nil, csrfToken: "b", createdAt: 1, expiresAt: 2)
            try store.createSession(first)
            try store.createSession(second)

            try store.deleteSession(idHash: first.idHash)

            #expect(try store.session(idHash: first.idHash) == nil)
            #expect(try store.session(idHash: second.idHash) == second)
        }
    }

    @Test(arguments: StoreFactory.all)
    func deleteMissingSessionSucceeds(factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.deleteSession(idHash: TokenHash.of("never-created"))

            #expect(try store.session(idHash: TokenHash.of("never-created")) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func sessionOfMissingUserIsRejected(factory: StoreFactory) throws {
        try factory.withStore { store in
            try Fixture.insert(into: store)
            let orphan = BrowserSession(
                idHash: TokenHash.of("orphan"), userID: "user_nobody", csrfToken: "c", createdAt: 1, expiresAt: 2)

            let error = #expect(throws: StoreError.self) { try store.createSession(orphan) }
            #expect(error?.isMissingReference == true)
            #expect(try store.session(idHash: orphan.idHash) == nil)
        }
    }
}
