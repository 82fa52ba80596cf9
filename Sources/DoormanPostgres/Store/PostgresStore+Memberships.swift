import DoormanOAuth

extension PostgresStore {
    private enum SQL {
        static let columns = """
            id, user_id, product_id, plan_id, company_id, status, created_at, expires_at, renewal_period_start, \
            renewal_period_end, cancel_at_period_end, quantity, license_key, metadata
            """
        static let insert = """
            INSERT INTO memberships (\(columns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            """
        static let select = "SELECT \(columns) FROM memberships"
        static let byID = "\(select) WHERE id = $1"
        // position breaks ties between memberships created in the same second, newest first as well.
        static let byUser = "\(select) WHERE user_id = $1 ORDER BY created_at DESC, position DESC"
        static let byProduct = "\(select) WHERE product_id = $1 ORDER BY created_at DESC, position DESC"
        static let update = """
            UPDATE memberships SET user_id = $2, product_id = $3, plan_id = $4, company_id = $5, status = $6, \
            created_at = $7, expires_at = $8, renewal_period_start = $9, renewal_period_end = $10, \
            cancel_at_period_end = $11, quantity = $12, license_key = $13, metadata = $14 WHERE id = $1
            """
    }

    /// Inserts a membership. Throws `.missingReference` naming the user, product, plan or company that does not
    /// exist.
    public func createMembership(_ membership: Membership) throws(StoreError) {
        let values = try Self.values(of: membership)
        try write(references: Self.references(of: membership)) { connection in
            try connection.run(SQL.insert, values)
        }
    }

    /// Returns the membership with `id`, or nil.
    public func membership(id: String) throws(StoreError) -> Membership? {
        try list(SQL.byID, key: id, Self.decodeMembership).first
    }

    /// Returns every membership of `userID`, newest first. Validity is not filtered here: it depends on the time.
    public func memberships(userID: String) throws(StoreError) -> [Membership] {
        try list(SQL.byUser, key: userID, Self.decodeMembership)
    }

    /// Returns every membership of `productID`, newest first, for the seller's member list.
    public func memberships(productID: String) throws(StoreError) -> [Membership] {
        try list(SQL.byProduct, key: productID, Self.decodeMembership)
    }

    /// Replaces the stored membership with the same id. Returns false when there is none.
    ///
    /// Throws `.missingReference` like `createMembership` when the new values refer to a missing record. Writing
    /// the same values twice leaves the same row, so the transaction may run again after a connection lost during
    /// COMMIT.
    public func updateMembership(_ membership: Membership) throws(StoreError) -> Bool {
        let values = try Self.values(of: membership)
        return try write(references: Self.references(of: membership), idempotent: true) { connection in
            try connection.run(SQL.update, values) == 1
        }
    }

    private static func references(of membership: Membership) -> [PostgresReference] {
        [
            PostgresReference("user", table: "users", value: membership.userID),
            PostgresReference("product", table: "products", value: membership.productID),
            PostgresReference("plan", table: "plans", value: membership.planID),
            PostgresReference("company", table: "companies", value: membership.companyID),
        ]
    }

    /// Returns the values of `columns`, in order.
    private static func values(of membership: Membership) throws(StoreError) -> [(any PostgresParameter)?] {
        [
            membership.id, membership.userID, membership.productID, membership.planID, membership.companyID,
            membership.status.rawValue, membership.createdAt, membership.expiresAt, membership.renewalPeriodStart,
            membership.renewalPeriodEnd, membership.cancelAtPeriodEnd, membership.quantity, membership.licenseKey,
            try PostgresStoredValue.metadata(membership.metadata),
        ]
    }

    private static func decodeMembership(_ row: PostgresRow) throws -> Membership {
        Membership(
            id: try row.string(at: 0), userID: try row.string(at: 1), productID: try row.string(at: 2),
            planID: try row.string(at: 3), companyID: try row.string(at: 4),
            status: try row.enumeration(MembershipStatus.self, at: 5), createdAt: try row.int64(at: 6),
            expiresAt: try row.optionalInt64(at: 7), renewalPeriodStart: try row.optionalInt64(at: 8),
            renewalPeriodEnd: try row.optionalInt64(at: 9), cancelAtPeriodEnd: try row.bool(at: 10),
            quantity: try row.int(at: 11), licenseKey: row.optionalString(at: 12), metadata: try row.metadata(at: 13))
    }
}
