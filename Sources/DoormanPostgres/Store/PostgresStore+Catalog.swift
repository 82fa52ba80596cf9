import DoormanOAuth

extension PostgresStore {
    private enum SQL {
        static let insertCompany = "INSERT INTO companies (id, owner_user_id, name) VALUES ($1, $2, $3)"
        static let companyColumns = "SELECT id, owner_user_id, name FROM companies"
        static let companyByID = "\(companyColumns) WHERE id = $1"
        static let companiesByOwner = "\(companyColumns) WHERE owner_user_id = $1 ORDER BY position"

        static let insertProduct = "INSERT INTO products (id, company_id, title, visibility) VALUES ($1, $2, $3, $4)"
        static let productColumns = "SELECT id, company_id, title, visibility FROM products"
        static let productByID = "\(productColumns) WHERE id = $1"
        static let productsByCompany = "\(productColumns) WHERE company_id = $1 ORDER BY position"
        static let productsByVisibility = "\(productColumns) WHERE visibility = $1 ORDER BY position"

        static let insertPlan = """
            INSERT INTO plans (id, product_id, price_cents, currency, renewal_period, free_trial_days)
            VALUES ($1, $2, $3, $4, $5, $6)
            """
        static let planColumns = """
            SELECT id, product_id, price_cents, currency, renewal_period, free_trial_days FROM plans
            """
        static let planByID = "\(planColumns) WHERE id = $1"
        static let plansByProduct = "\(planColumns) WHERE product_id = $1 ORDER BY position"
    }

    /// Inserts a company. Throws `.missingReference` naming the owner when the owner does not exist.
    public func createCompany(_ company: Company) throws(StoreError) {
        let owner = PostgresReference("user", table: "users", value: company.ownerUserID)
        try write(references: [owner]) { connection in
            try connection.run(SQL.insertCompany, [company.id, company.ownerUserID, company.name])
        }
    }

    /// Returns the company with `id`, or nil.
    public func company(id: String) throws(StoreError) -> Company? {
        try list(SQL.companyByID, key: id, Self.decodeCompany).first
    }

    /// Returns the companies that `userID` owns, oldest first.
    public func companies(ownerUserID: String) throws(StoreError) -> [Company] {
        try list(SQL.companiesByOwner, key: ownerUserID, Self.decodeCompany)
    }

    /// Inserts a product. Throws `.missingReference` naming the company when the company does not exist.
    public func createProduct(_ product: Product) throws(StoreError) {
        let company = PostgresReference("company", table: "companies", value: product.companyID)
        try write(references: [company]) { connection in
            try connection.run(
                SQL.insertProduct, [product.id, product.companyID, product.title, product.visibility.rawValue])
        }
    }

    /// Returns the product with `id`, or nil.
    public func product(id: String) throws(StoreError) -> Product? {
        try list(SQL.productByID, key: id, Self.decodeProduct).first
    }

    /// Returns the products of `companyID`, oldest first.
    public func products(companyID: String) throws(StoreError) -> [Product] {
        try list(SQL.productsByCompany, key: companyID, Self.decodeProduct)
    }

    /// Returns every product whose visibility is `visible`, oldest first.
    public func visibleProducts() throws(StoreError) -> [Product] {
        try list(SQL.productsByVisibility, key: Product.Visibility.visible.rawValue, Self.decodeProduct)
    }

    /// Inserts a plan. Throws `.missingReference` naming the product when the product does not exist.
    public func createPlan(_ plan: Plan) throws(StoreError) {
        let product = PostgresReference("product", table: "products", value: plan.productID)
        try write(references: [product]) { connection in
            try connection.run(
                SQL.insertPlan,
                [
                    plan.id, plan.productID, plan.priceCents, plan.currency,
                    PostgresStoredValue.renewalPeriod(plan.renewalPeriod), plan.freeTrialDays,
                ])
        }
    }

    /// Returns the plan with `id`, or nil.
    public func plan(id: String) throws(StoreError) -> Plan? {
        try list(SQL.planByID, key: id, Self.decodePlan).first
    }

    /// Returns the plans of `productID`, oldest first.
    public func plans(productID: String) throws(StoreError) -> [Plan] {
        try list(SQL.plansByProduct, key: productID, Self.decodePlan)
    }

    /// Runs a query with one text parameter and decodes every row.
    func list<T>(_ sql: String, key: String, _ decode: (PostgresRow) throws -> T) throws(StoreError) -> [T] {
        try read { connection in
            try connection.query(sql, [key]).map(decode)
        }
    }

    private static func decodeCompany(_ row: PostgresRow) throws -> Company {
        Company(id: try row.string(at: 0), ownerUserID: try row.string(at: 1), name: try row.string(at: 2))
    }

    private static func decodeProduct(_ row: PostgresRow) throws -> Product {
        Product(
            id: try row.string(at: 0), companyID: try row.string(at: 1), title: try row.string(at: 2),
            visibility: try row.enumeration(Product.Visibility.self, at: 3))
    }

    private static func decodePlan(_ row: PostgresRow) throws -> Plan {
        Plan(
            id: try row.string(at: 0), productID: try row.string(at: 1), priceCents: try row.int(at: 2),
            currency: try row.string(at: 3), renewalPeriod: try row.renewalPeriod(at: 4),
            freeTrialDays: try row.int(at: 5))
    }
}
