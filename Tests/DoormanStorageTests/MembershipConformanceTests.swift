import DoormanOAuth
import DoormanStorage
import Testing

/// Memberships, checked against every store in `StoreFactory.all`.
struct MembershipConformanceTests {
    private func membership(
        _ id: String, _ fixture: Fixture, createdAt: Int64 = Fixture.now, status: MembershipStatus = .active
    ) -> Membership {
        Membership(
            id: id, userID: fixture.user.id, productID: fixture.product.id, planID: fixture.plan.id,
            companyID: fixture.company.id, status: status, createdAt: createdAt)
    }

    @Test(arguments: StoreFactory.all)
    func roundTripWithEveryFieldSet(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let metadata = [
                "discord": "@zoë", "quote": #"say "hi" \ bye"#, "url": "https://example.com/a/b?c=d",
                "emoji": "🎟️", "empty": "", "line": "first\nsecond\ttab",
            ]
            let membership = Membership(
                id: "mem_full", userID: fixture.user.id, productID: fixture.product.id, planID: fixture.plan.id,
                companyID: fixture.company.id, status: .pastDue, createdAt: 1_700_000_000, expiresAt: 1_702_592_000,
                renewalPeriodStart: 1_700_000_100, renewalPeriodEnd: 1_702_592_100, cancelAtPeriodEnd: true,
                quantity: 3, licenseKey: "KEY-Ä-123", metadata: metadata)
            try store.createMembership(membership)

            let loaded = try #require(try store.membership(id: membership.id))
            #expect(loaded.id == membership.id)
            #expect(loaded.userID == membership.userID)
            #expect(loaded.productID == membership.productID)
            #expect(loaded.planID == membership.planID)
            #expect(loaded.companyID == membership.companyID)
            #expect(loaded.status == .pastDue)
            #expect(loaded.createdAt == 1_700_000_000)
            #expect(loaded.expiresAt == 1_702_592_000)
            #expect(loaded.renewalPeriodStart == 1_700_000_100)
            #expect(loaded.renewalPeriodEnd == 1_702_592_100)
            #expect(loaded.cancelAtPeriodEnd)
            #expect(loaded.quantity == 3)
            #expect(loaded.licenseKey == "KEY-Ä-123")
            #expect(loaded.metadata == metadata)
        }
    }

    @Test(arguments: StoreFactory.all)
    func roundTripWithOptionalFieldsNil(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let membership = membership("mem_bare", fixture)
            try store.createMembership(membership)

            let loaded = try #require(try store.membership(id: membership.id))
            #expect(loaded.expiresAt == nil)
            #expect(loaded.renewalPeriodStart == nil)
            #expect(loaded.renewalPeriodEnd == nil)
            #expect(loaded.cancelAtPeriodEnd == false)
            #expect(loaded.licenseKey == nil)
            #expect(loaded.metadata.isEmpty)
            #expect(loaded == membership)
        }
    }

    @Test(arguments: StoreFactory.all, MembershipStatus.allCases)
    func everyStatusRoundTrips(factory: StoreFactory, status: MembershipStatus) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            try store.createMembership(membership("mem_status", fixture, status: status))

            #expect(try store.membership(id: "mem_status")?.status == status)
        }
    }

    @Test(arguments: StoreFactory.all, ["user", "product", "plan", "company"])
    func missingReferenceIsRejected(factory: StoreFactory, missing: String) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            var orphan = membership("mem_orphan", fixture)
            switch missing {
            case "user": orphan.userID = "user_nobody"
            case "product": orphan.productID = "prod_nobody"
            case "plan": orphan.planID = "plan_nobody"
            default: orphan.companyID = "biz_nobody"
            }

            let error = #expect(throws: StoreError.self) { try store.createMembership(orphan) }
            #expect(error?.isMissingReference == true)
            #expect(try store.membership(id: orphan.id) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func membershipsOfUserNewestFirst(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            try store.createMembership(membership("mem_old", fixture, createdAt: 100))
            try store.createMembership(membership("mem_new", fixture, createdAt: 300))
            try store.createMembership(membership("mem_middle", fixture, createdAt: 200))
            // Same second as mem_new but inserted later, so newer.
            try store.createMembership(membership("mem_new_later", fixture, createdAt: 300))
            var other = membership("mem_owner", fixture, createdAt: 400)
            other.userID = fixture.owner.id
            try store.createMembership(other)

            #expect(
                try store.memberships(userID: fixture.user.id).map(\.id)
                    == ["mem_new_later", "mem_new", "mem_middle", "mem_old"])
            #expect(try store.memberships(userID: fixture.owner.id).map(\.id) == ["mem_owner"])
            #expect(try store.memberships(userID: "user_nobody").isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func membershipsOfProductNewestFirst(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            try store.createProduct(Product(id: "prod_two", companyID: fixture.company.id, title: "Two"))
            try store.createPlan(
                Plan(id: "plan_two", productID: "prod_two", priceCents: 1, currency: "usd", renewalPeriod: .oneTime))
            try store.createMembership(membership("mem_first", fixture, createdAt: 100))
            var elsewhere = membership("mem_elsewhere", fixture, createdAt: 150)
            elsewhere.productID = "prod_two"
            elsewhere.planID = "plan_two"
            try store.createMembership(elsewhere)
            var byOwner = membership("mem_second", fixture, createdAt: 200)
            byOwner.userID = fixture.owner.id
            try store.createMembership(byOwner)

            #expect(try store.memberships(productID: fixture.product.id).map(\.id) == ["mem_second", "mem_first"])
            #expect(try store.memberships(productID: "prod_two").map(\.id) == ["mem_elsewhere"])
            #expect(try store.memberships(productID: "prod_nobody").isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func updateReplacesEveryField(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let original = membership("mem_update", fixture)
            try store.createMembership(original)
            var changed = original
            changed.status = .canceled
            changed.expiresAt = 1_800_000_000
            changed.cancelAtPeriodEnd = true
            changed.quantity = 2
            changed.licenseKey = "NEW-KEY"
            changed.metadata = ["note": "refunded"]

            #expect(try store.updateMembership(changed))
            #expect(try store.membership(id: original.id) == changed)
        }
    }

    @Test(arguments: StoreFactory.all)
    func updateClearsOptionalFields(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            var original = membership("mem_clear", fixture)
            original.expiresAt = 1
            original.licenseKey = "KEY"
            original.metadata = ["a": "b"]
            try store.createMembership(original)
            let cleared = membership("mem_clear", fixture)

            #expect(try store.updateMembership(cleared))
            #expect(try store.membership(id: original.id) == cleared)
        }
    }

    @Test(arguments: StoreFactory.all)
    func updateOfMissingMembershipIsFalse(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)

            #expect(try store.updateMembership(membership("mem_nobody", fixture)) == false)
            #expect(try store.membership(id: "mem_nobody") == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func updateToMissingReferenceIsRejected(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let original = membership("mem_keep", fixture)
            try store.createMembership(original)
            var orphan = original
            orphan.planID = "plan_nobody"

            let error = #expect(throws: StoreError.self) { try store.updateMembership(orphan) }
            #expect(error?.isMissingReference == true)
            #expect(try store.membership(id: original.id) == original)
        }
    }
}
