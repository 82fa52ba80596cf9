import DoormanOAuth
import DoormanStorage
import Testing

/// Web apps and consents, checked against every store in `StoreFactory.all`.
struct WebAppConformanceTests {
    /// Inserts the fixture and two more products of its company, `prod_b` and `prod_a`.
    private func insertFixture(_ store: any DoormanStore) throws -> Fixture {
        let fixture = try Fixture.insert(into: store)
        try store.createProduct(Product(id: "prod_b", companyID: fixture.company.id, title: "B"))
        try store.createProduct(Product(id: "prod_a", companyID: fixture.company.id, title: "A"))
        return fixture
    }

    private func webApp(
        _ id: String, clientID: String, productIDs: [String] = ["prod_one"], createdAt: Int64 = Fixture.now
    ) -> WebApp {
        WebApp(
            id: id, companyID: "biz_one", name: id, clientID: clientID, clientSecretHash: nil,
            redirectURIs: ["https://\(id).example/callback"], productIDs: productIDs, createdAt: createdAt)
    }

    @Test(arguments: StoreFactory.all)
    func roundTripWithEveryField(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try insertFixture(store)
            let uris = [
                "https://z.example/callback", "http://127.0.0.1:8080/cb", "https://a.example/ünïcode?x=1",
                "com.example.app:/oauth",
            ]
            let webApp = WebApp(
                id: "exp_full", companyID: "biz_one", name: "Tableau de bord ✨", clientID: "app_full",
                clientSecretHash: TokenHash.of("full-secret"), redirectURIs: uris,
                productIDs: ["prod_b", "prod_one", "prod_a"], requirePKCE: true, createdAt: 1_700_000_123)
            try store.createWebApp(webApp)

            let loaded = try #require(try store.webApp(clientID: webApp.clientID))
            #expect(loaded.id == webApp.id)
            #expect(loaded.companyID == webApp.companyID)
            #expect(loaded.name == webApp.name)
            #expect(loaded.clientID == webApp.clientID)
            #expect(loaded.clientSecretHash == webApp.clientSecretHash)
            #expect(loaded.redirectURIs == uris)
            #expect(loaded.productIDs == ["prod_b", "prod_one", "prod_a"])
            #expect(loaded.requirePKCE)
            #expect(loaded.createdAt == 1_700_000_123)
            #expect(try store.webApp(id: webApp.id) == webApp)
        }
    }

    @Test(arguments: StoreFactory.all)
    func publicClientWithoutProducts(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try insertFixture(store)
            let webApp = webApp("exp_public", clientID: "app_public", productIDs: [])
            try store.createWebApp(webApp)

            let loaded = try #require(try store.webApp(id: webApp.id))
            #expect(loaded.clientSecretHash == nil)
            #expect(loaded.isPublic)
            #expect(loaded.requirePKCE == false)
            #expect(loaded.productIDs.isEmpty)
            #expect(loaded.redirectURIs == webApp.redirectURIs)
        }
    }

    @Test(arguments: StoreFactory.all)
    func missingWebAppIsNil(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try insertFixture(store)

            #expect(try store.webApp(clientID: "app_nobody") == nil)
            #expect(try store.webApp(id: "exp_nobody") == nil)
            #expect(try store.webApps(companyID: "biz_nobody").isEmpty)
            #expect(try store.webApps(productID: "prod_nobody").isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func duplicateClientIDConflicts(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try insertFixture(store)
            let duplicate = webApp("exp_other", clientID: fixture.webApp.clientID)

            #expect(throws: StoreError.conflict("client_id")) { try store.createWebApp(duplicate) }
            #expect(try store.webApp(id: duplicate.id) == nil)
            #expect(try store.webApp(clientID: fixture.webApp.clientID) == fixture.webApp)
        }
    }

    @Test(arguments: StoreFactory.all)
    func missingProductLeavesNothing(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try insertFixture(store)
            let broken = webApp("exp_broken", clientID: "app_broken", productIDs: ["prod_a", "prod_nobody"])

            let error = #expect(throws: StoreError.self) { try store.createWebApp(broken) }
            #expect(error?.isMissingReference == true)
            #expect(try store.webApp(id: broken.id) == nil)
            #expect(try store.webApp(clientID: broken.clientID) == nil)
            #expect(try store.webApps(productID: "prod_a").isEmpty)

            // No redirect URI or product row survived, or the same ids would collide now.
            var repaired = broken
            repaired.productIDs = ["prod_a"]
            try store.createWebApp(repaired)
            #expect(try store.webApp(id: broken.id) == repaired)
        }
    }

    @Test(arguments: StoreFactory.all)
    func missingCompanyIsRejected(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try insertFixture(store)
            var orphan = webApp("exp_orphan", clientID: "app_orphan")
            orphan.companyID = "biz_nobody"

            let error = #expect(throws: StoreError.self) { try store.createWebApp(orphan) }
            #expect(error?.isMissingReference == true)
            #expect(try store.webApp(id: orphan.id) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func webAppsOfCompanyOldestFirst(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try insertFixture(store)
            try store.createCompany(Company(id: "biz_two", ownerUserID: fixture.owner.id, name: "Two"))
            try store.createWebApp(webApp("exp_late", clientID: "app_late", createdAt: Fixture.now + 300))
            try store.createWebApp(webApp("exp_early", clientID: "app_early", createdAt: Fixture.now - 20))
            var elsewhere = webApp("exp_elsewhere", clientID: "app_elsewhere", productIDs: [])
            elsewhere.companyID = "biz_two"
            try store.createWebApp(elsewhere)

            let loaded = try store.webApps(companyID: fixture.company.id)
            #expect(loaded.map(\.id) == ["exp_early", "exp_one", "exp_late"])
            #expect(
                loaded.map(\.redirectURIs) == [
                    ["https://exp_early.example/callback"], fixture.webApp.redirectURIs,
                    ["https://exp_late.example/callback"],
                ])
            #expect(try store.webApps(companyID: "biz_two") == [elsewhere])
        }
    }

    @Test(arguments: StoreFactory.all)
    func webAppsOfProductOnlyServingIt(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try insertFixture(store)
            let both = webApp("exp_both", clientID: "app_both", productIDs: ["prod_a", "prod_one"])
            let onlyA = webApp("exp_only_a", clientID: "app_only_a", productIDs: ["prod_a"])
            try store.createWebApp(both)
            try store.createWebApp(onlyA)

            #expect(try store.webApps(productID: "prod_one") == [fixture.webApp, both])
            #expect(try store.webApps(productID: "prod_a") == [both, onlyA])
            #expect(try store.webApps(productID: "prod_b").isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func clientSecretHashToNilAndBack(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try insertFixture(store)
            let id = fixture.webApp.id

            #expect(try store.setClientSecretHash(nil, webAppID: id))
            #expect(try store.webApp(id: id)?.clientSecretHash == nil)
            #expect(try store.webApp(clientID: fixture.webApp.clientID)?.isPublic == true)

            let rotated = TokenHash.of("rotated-secret")
            #expect(try store.setClientSecretHash(rotated, webAppID: id))
            #expect(try store.webApp(id: id)?.clientSecretHash == rotated)
            #expect(try store.webApp(id: id)?.redirectURIs == fixture.webApp.redirectURIs)
        }
    }

    @Test(arguments: StoreFactory.all)
    func secretOfMissingWebAppIsFalse(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try insertFixture(store)

            #expect(try store.setClientSecretHash("hash", webAppID: "exp_nobody") == false)
        }
    }

    @Test(arguments: StoreFactory.all)
    func requirePKCEChangesAndPersists(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try insertFixture(store)
            let id = fixture.webApp.id

            #expect(try store.setRequirePKCE(true, webAppID: id))
            #expect(try store.webApp(id: id)?.requirePKCE == true)
            #expect(try store.webApp(clientID: fixture.webApp.clientID)?.needsPKCE == true)

            #expect(try store.setRequirePKCE(false, webAppID: id))
            #expect(try store.webApp(id: id)?.requirePKCE == false)
            #expect(try store.webApp(id: id)?.clientSecretHash == fixture.webApp.clientSecretHash)
        }
    }

    @Test(arguments: StoreFactory.all)
    func requirePKCEOfMissingWebAppIsFalse(factory: StoreFactory) throws {
        try factory.withStore { store in
            _ = try insertFixture(store)

            #expect(try store.setRequirePKCE(true, webAppID: "exp_nobody") == false)
        }
    }

    @Test(arguments: StoreFactory.all)
    func consentRoundTrip(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try insertFixture(store)
            let scope = try Scope.parse("user openid read_user")
            let consent = Consent(
                userID: fixture.user.id, clientID: fixture.webApp.clientID, scope: scope, grantedAt: 42)

            #expect(try store.consent(userID: fixture.user.id, clientID: fixture.webApp.clientID) == nil)
            try store.saveConsent(consent)

            let loaded = try #require(try store.consent(userID: fixture.user.id, clientID: fixture.webApp.clientID))
            #expect(loaded.userID == consent.userID)
            #expect(loaded.clientID == consent.clientID)
            #expect(loaded.scope == scope)
            #expect(loaded.grantedAt == 42)
            #expect(try store.consent(userID: fixture.owner.id, clientID: fixture.webApp.clientID) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func consentSaveReplacesPrevious(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try insertFixture(store)
            let first = Consent(
                userID: fixture.user.id, clientID: fixture.webApp.clientID, scope: .default, grantedAt: 1)
            let other = Consent(
                userID: fixture.owner.id, clientID: fixture.webApp.clientID, scope: .default, grantedAt: 1)
            try store.saveConsent(first)
            try store.saveConsent(other)
            let wider = Consent(
                userID: fixture.user.id, clientID: fixture.webApp.clientID, scope: try Scope.parse("api openid"),
                grantedAt: 2)

            try store.saveConsent(wider)

            #expect(try store.consent(userID: fixture.user.id, clientID: fixture.webApp.clientID) == wider)
            #expect(try store.consent(userID: fixture.owner.id, clientID: fixture.webApp.clientID) == other)
        }
    }

    @Test(arguments: StoreFactory.all)
    func consentOfMissingClientIsRejected(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try insertFixture(store)
            let consent = Consent(userID: fixture.user.id, clientID: "app_nobody", scope: .default, grantedAt: 1)

            let error = #expect(throws: StoreError.self) { try store.saveConsent(consent) }
            #expect(error?.isMissingReference == true)
            #expect(try store.consent(userID: fixture.user.id, clientID: "app_nobody") == nil)
        }
    }
}
