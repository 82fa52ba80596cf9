import DoormanOAuth
import DoormanStorage
import Synchronization
import Testing

/// What `SQLiteStore` promises beyond `DoormanStore`: its schema, stored forms and error mapping.
struct SQLiteStoreTests {
    private static let storeTables = [
        "users", "companies", "products", "plans", "memberships", "web_apps", "web_app_redirect_uris",
        "web_app_products", "consents", "authorization_codes", "access_tokens", "refresh_tokens", "sessions",
    ]

    /// Runs `body` with a migrated store on a new database file, whose pool and timeouts `configuration` sets.
    private func withStore(
        _ configuration: SQLiteConfiguration = SQLiteConfiguration(),
        _ body: (SQLiteStore, String) throws -> Void
    ) throws {
        try withTemporaryDatabasePath { path in
            let database = try SQLiteDatabase(path: path, configuration: configuration)
            try SQLiteMigrations.migrator().migrate(database)
            let store = SQLiteStore(database: database)
            defer { try? store.close() }
            try body(store, path)
        }
    }

    private func text(_ sql: String, _ store: SQLiteStore) throws -> [String] {
        try store.database.withConnection { connection in try connection.query(sql) { $0.string(at: 0) } }
    }

    @Test func openAppliesEveryMigration() throws {
        try withTemporaryDatabasePath { path in
            let store = try SQLiteStore.open(path: path, poolSize: 2)
            defer { try? store.close() }

            #expect(try SQLiteMigrations.migrator().pending(store.database).isEmpty)
            #expect(store.database.configuration.poolSize == 2)
        }
    }

    @Test func everyTableIsStrict() throws {
        try withStore { store, _ in
            let strict = try text("SELECT name FROM pragma_table_list WHERE strict = 1", store)

            for table in Self.storeTables {
                #expect(strict.contains(table), "\(table) is not STRICT")
            }
        }
    }

    @Test func scopeIsStoredCanonically() throws {
        try withStore { store, _ in
            let fixture = try Fixture.insert(into: store)
            var code = fixture.code("code")
            code.scope = try Scope.parse("user  openid api")
            try store.saveAuthorizationCode(code)

            #expect(try text("SELECT scope FROM authorization_codes", store) == ["api openid user"])
        }
    }

    @Test func renewalPeriodIsTextOrDays() throws {
        try withStore { store, _ in
            let fixture = try Fixture.insert(into: store)
            try store.createPlan(
                Plan(
                    id: "plan_once", productID: fixture.product.id, priceCents: 1, currency: "usd",
                    renewalPeriod: .oneTime))

            let stored = try text(
                "SELECT typeof(renewal_period) || ':' || renewal_period FROM plans ORDER BY rowid", store)
            #expect(stored == ["integer:30", "text:one_time"])
        }
    }

    @Test func metadataIsJSONWithSortedKeys() throws {
        try withStore { store, _ in
            let fixture = try Fixture.insert(into: store)
            try store.createMembership(
                Membership(
                    id: "mem_json", userID: fixture.user.id, productID: fixture.product.id, planID: fixture.plan.id,
                    companyID: fixture.company.id, status: .active, createdAt: 1, metadata: ["b": "x/y", "a": "é"]))

            #expect(try text("SELECT metadata FROM memberships", store) == [#"{"a":"é","b":"x/y"}"#])
        }
    }

    @Test func missingReferenceNamesTheRecord() throws {
        try withStore { store, _ in
            let fixture = try Fixture.insert(into: store)
            var webApp = fixture.webApp
            webApp.id = "exp_two"
            webApp.clientID = "app_two"
            webApp.productIDs = ["prod_one", "prod_nobody"]
            var membership = Membership(
                id: "mem_orphan", userID: fixture.user.id, productID: fixture.product.id, planID: "plan_nobody",
                companyID: fixture.company.id, status: .active, createdAt: 1)

            #expect(throws: StoreError.missingReference("product prod_nobody")) { try store.createWebApp(webApp) }
            #expect(throws: StoreError.missingReference("plan plan_nobody")) {
                try store.createMembership(membership)
            }
            membership.planID = fixture.plan.id
            membership.userID = "user_nobody"
            #expect(throws: StoreError.missingReference("user user_nobody")) {
                try store.createMembership(membership)
            }
        }
    }

    @Test func repeatedProductOfWebAppConflicts() throws {
        try withStore { store, _ in
            let fixture = try Fixture.insert(into: store)
            var webApp = fixture.webApp
            webApp.id = "exp_two"
            webApp.clientID = "app_two"
            webApp.productIDs = ["prod_one", "prod_one"]

            #expect(throws: StoreError.conflict("web_app_id, product_id")) { try store.createWebApp(webApp) }
            #expect(try store.webApp(id: "exp_two") == nil)
        }
    }

    @Test func lockedDatabaseIsUnavailable() throws {
        try withStore(SQLiteConfiguration(busyTimeout: .milliseconds(50))) { store, path in
            let other = try SQLiteConnection(path: path)
            try other.execute("BEGIN IMMEDIATE")
            defer { try? other.execute("ROLLBACK") }

            let error = #expect(throws: StoreError.self) {
                try store.createUser(User(id: "user_late", username: "late", passwordHash: "hash"))
            }
            guard case .unavailable = error else {
                Issue.record("expected unavailable, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func exhaustedPoolIsUnavailable() throws {
        try withStore(SQLiteConfiguration(poolSize: 1, checkoutTimeout: .milliseconds(50))) { store, _ in
            let error = try store.database.withConnection { _ in
                #expect(throws: StoreError.self) { try store.user(id: "user_any") }
            }
            guard case .unavailable = error else {
                Issue.record("expected unavailable, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func closedStoreIsUnavailable() throws {
        try withStore { store, _ in
            try store.close()

            let error = #expect(throws: StoreError.self) { try store.user(id: "user_any") }
            guard case .unavailable = error else {
                Issue.record("expected unavailable, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func undecodableScopeIsFailure() throws {
        try withStore { store, _ in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code")
            try store.saveAuthorizationCode(code)
            try store.database.withConnection { connection in
                try connection.run("UPDATE authorization_codes SET scope = 'api,openid'")
            }

            let error = #expect(throws: StoreError.self) { try store.authorizationCode(hash: code.codeHash) }
            guard case .failure(let detail) = error else {
                Issue.record("expected failure, got \(String(describing: error))")
                return
            }
            #expect(detail.contains("api,openid"))
            #expect(detail.contains("scope"))
        }
    }

    @Test func nonPositiveRenewalPeriodIsFailure() throws {
        try withStore { store, _ in
            let fixture = try Fixture.insert(into: store)
            let plan = Plan(
                id: "plan_zero", productID: fixture.product.id, priceCents: 1, currency: "usd", renewalPeriod: .days(0))

            let error = #expect(throws: StoreError.self) { try store.createPlan(plan) }
            guard case .failure = error else {
                Issue.record("expected failure, got \(String(describing: error))")
                return
            }
            #expect(try store.plan(id: "plan_zero") == nil)
        }
    }

    @Test func hotPathsReuseCachedStatements() throws {
        try withStore(SQLiteConfiguration(poolSize: 1)) { store, _ in
            let fixture = try Fixture.insert(into: store)
            func exchangeAndRead(_ round: Int) throws {
                let code = fixture.code("code-\(round)")
                try store.saveAuthorizationCode(code)
                _ = try store.webApp(clientID: fixture.webApp.clientID)
                _ = try store.redeemAuthorizationCode(
                    hash: code.codeHash, at: Fixture.now,
                    access: fixture.accessToken("access-\(round)", grantID: code.codeHash),
                    refresh: fixture.refreshToken("refresh-\(round)", grantID: code.codeHash))
                _ = try store.redeemAuthorizationCode(
                    hash: code.codeHash, at: Fixture.now,
                    access: fixture.accessToken("replay-\(round)", grantID: code.codeHash), refresh: nil)
                _ = try store.accessToken(hash: TokenHash.of("access-\(round)"))
                _ = try store.user(id: fixture.user.id)
            }
            let cachedCount = { try store.database.withConnection { $0.cachedStatementCount } }

            try exchangeAndRead(0)
            let afterFirst = try cachedCount()
            try exchangeAndRead(1)

            #expect(try cachedCount() == afterFirst)
        }
    }

    @Test func twoStoresOnOneFileRedeemOnce() throws {
        try withStore { first, path in
            let second = try SQLiteStore.open(path: path, poolSize: 10)
            defer { try? second.close() }
            let fixture = try Fixture.insert(into: first)
            let code = fixture.code("shared-code")
            try first.saveAuthorizationCode(code)
            let redeemed = Mutex(0)

            let errors = runOnThreads(count: 20) { thread in
                let store = thread.isMultiple(of: 2) ? first : second
                let result = try store.redeemAuthorizationCode(
                    hash: code.codeHash, at: Fixture.now,
                    access: fixture.accessToken("access-\(thread)", grantID: code.codeHash), refresh: nil)
                if result == .redeemed {
                    redeemed.withLock { $0 += 1 }
                }
            }

            #expect(errors.isEmpty)
            #expect(redeemed.withLock { $0 } == 1)
            #expect(try second.revokeGrant(code.codeHash, at: Fixture.now) == 1)
        }
    }
}
