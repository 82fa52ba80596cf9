import DoormanOAuth
import DoormanStorage
import Testing

/// Companies, products and plans, checked against every store in `StoreFactory.all`.
struct CatalogConformanceTests {
    @Test(arguments: StoreFactory.all)
    func companyRoundTrip(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let company = Company(id: "biz_unicode", ownerUserID: fixture.owner.id, name: "Café «Ünïcode» 株式会社")
            try store.createCompany(company)

            let loaded = try #require(try store.company(id: company.id))
            #expect(loaded.id == company.id)
            #expect(loaded.ownerUserID == company.ownerUserID)
            #expect(loaded.name == company.name)
        }
    }

    @Test(arguments: StoreFactory.all)
    func companiesOfOwnerOldestFirst(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let ids = ["biz_c", "biz_a", "biz_b"]
            for id in ids {
                try store.createCompany(Company(id: id, ownerUserID: fixture.user.id, name: id))
            }

            #expect(try store.companies(ownerUserID: fixture.user.id).map(\.id) == ids)
            #expect(try store.companies(ownerUserID: fixture.owner.id).map(\.id) == [fixture.company.id])
            #expect(try store.companies(ownerUserID: "user_nobody").isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func companyOfMissingOwnerIsRejected(factory: StoreFactory) throws {
        try factory.withStore { store in
            try Fixture.insert(into: store)
            let orphan = Company(id: "biz_orphan", ownerUserID: "user_nobody", name: "Orphan")

            let error = #expect(throws: StoreError.self) { try store.createCompany(orphan) }
            #expect(error?.isMissingReference == true)
            #expect(try store.company(id: orphan.id) == nil)
        }
    }

    @Test(arguments: StoreFactory.all, Product.Visibility.allCases)
    func productRoundTrip(factory: StoreFactory, visibility: Product.Visibility) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let product = Product(
                id: "prod_new", companyID: fixture.company.id, title: "Kurs für Ärzte 📚", visibility: visibility)
            try store.createProduct(product)

            let loaded = try #require(try store.product(id: product.id))
            #expect(loaded.id == product.id)
            #expect(loaded.companyID == product.companyID)
            #expect(loaded.title == product.title)
            #expect(loaded.visibility == visibility)
        }
    }

    @Test(arguments: StoreFactory.all)
    func productsOfCompanyOldestFirst(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            try store.createCompany(Company(id: "biz_other", ownerUserID: fixture.owner.id, name: "Other"))
            try store.createProduct(
                Product(id: "prod_z", companyID: fixture.company.id, title: "Z", visibility: .hidden))
            try store.createProduct(Product(id: "prod_other", companyID: "biz_other", title: "Other"))
            try store.createProduct(Product(id: "prod_a", companyID: fixture.company.id, title: "A"))

            #expect(try store.products(companyID: fixture.company.id).map(\.id) == ["prod_one", "prod_z", "prod_a"])
            #expect(try store.products(companyID: "biz_other").map(\.id) == ["prod_other"])
            #expect(try store.products(companyID: "biz_nobody").isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func visibleProductsSkipHidden(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            try store.createCompany(Company(id: "biz_other", ownerUserID: fixture.owner.id, name: "Other"))
            try store.createProduct(
                Product(id: "prod_hidden", companyID: fixture.company.id, title: "H", visibility: .hidden))
            try store.createProduct(Product(id: "prod_b", companyID: "biz_other", title: "B"))
            try store.createProduct(Product(id: "prod_a", companyID: fixture.company.id, title: "A"))

            #expect(try store.visibleProducts().map(\.id) == ["prod_one", "prod_b", "prod_a"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func productOfMissingCompanyIsRejected(factory: StoreFactory) throws {
        try factory.withStore { store in
            try Fixture.insert(into: store)
            let orphan = Product(id: "prod_orphan", companyID: "biz_nobody", title: "Orphan")

            let error = #expect(throws: StoreError.self) { try store.createProduct(orphan) }
            #expect(error?.isMissingReference == true)
            #expect(try store.product(id: orphan.id) == nil)
        }
    }

    @Test(arguments: StoreFactory.all, [Plan.RenewalPeriod.oneTime, .days(1), .days(30), .days(365)])
    func planRoundTrip(factory: StoreFactory, period: Plan.RenewalPeriod) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            let plan = Plan(
                id: "plan_new", productID: fixture.product.id, priceCents: 4_999, currency: "eur",
                renewalPeriod: period, freeTrialDays: 7)
            try store.createPlan(plan)

            let loaded = try #require(try store.plan(id: plan.id))
            #expect(loaded.id == plan.id)
            #expect(loaded.productID == plan.productID)
            #expect(loaded.priceCents == plan.priceCents)
            #expect(loaded.currency == plan.currency)
            #expect(loaded.renewalPeriod == period)
            #expect(loaded.freeTrialDays == plan.freeTrialDays)
        }
    }

    @Test(arguments: StoreFactory.all)
    func plansOfProductOldestFirst(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)
            for id in ["plan_yearly", "plan_lifetime"] {
                try store.createPlan(
                    Plan(id: id, productID: fixture.product.id, priceCents: 0, currency: "usd", renewalPeriod: .oneTime)
                )
            }

            #expect(
                try store.plans(productID: fixture.product.id).map(\.id)
                    == ["plan_one", "plan_yearly", "plan_lifetime"])
            #expect(try store.plans(productID: "prod_nobody").isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func planOfMissingProductIsRejected(factory: StoreFactory) throws {
        try factory.withStore { store in
            try Fixture.insert(into: store)
            let orphan = Plan(
                id: "plan_orphan", productID: "prod_nobody", priceCents: 1, currency: "usd", renewalPeriod: .oneTime)

            let error = #expect(throws: StoreError.self) { try store.createPlan(orphan) }
            #expect(error?.isMissingReference == true)
            #expect(try store.plan(id: orphan.id) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func missingCatalogRecordsAreNil(factory: StoreFactory) throws {
        try factory.withStore { store in
            try Fixture.insert(into: store)

            #expect(try store.company(id: "biz_nobody") == nil)
            #expect(try store.product(id: "prod_nobody") == nil)
            #expect(try store.plan(id: "plan_nobody") == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func duplicateCatalogIDsConflict(factory: StoreFactory) throws {
        try factory.withStore { store in
            let fixture = try Fixture.insert(into: store)

            let company = #expect(throws: StoreError.self) { try store.createCompany(fixture.company) }
            let product = #expect(throws: StoreError.self) { try store.createProduct(fixture.product) }
            let plan = #expect(throws: StoreError.self) { try store.createPlan(fixture.plan) }
            #expect(company?.isConflict == true)
            #expect(product?.isConflict == true)
            #expect(plan?.isConflict == true)
        }
    }
}
