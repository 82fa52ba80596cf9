import DoormanOAuth

extension SQLiteStore {
    private enum SQL {
        static let columns = """
            id, user_id, product_id, plan_id, company_id, status, created_at, expires_at, renewal_period_start, \
            renewal_period_end, cancel_at_period_end, quantity, license_key, metadata
            """
        static let insert = "INSERT INTO memberships (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        static let select = "SELECT \(columns) FROM memberships"
        static let byID = "\(select) WHERE id = ?"
        // rowid breaks ties between memberships created in the same second, newest first as well.
        static let byUser = "\(select) WHERE user_id = ? ORDER BY created_at DESC, rowid DESC"
        static let byProduct = "\(select) WHERE product_id = ? ORDER BY created_at DESC, rowid DESC"
        static let update = """
            UPDATE memberships SET user_id = ?2, product_id = ?3, plan_id = ?4, company_id = ?5, status = ?6, \
            created_at = ?7, expires_at = ?8, renewal_period_start = ?9, renewal_period_end = ?10, \
            cancel_at_period_end = ?11, quantity = ?12, license_key = ?13, metadata = ?14 WHERE id = ?1
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
    /// Throws `.missingReference` like `createMembership` when the new values refer to a missing record.
    public func updateMembership(_ membership: Membership) throws(StoreError) -> Bool {
        let values = try Self.values(of: membership)
        return try write(references: Self.references(of: membership)) { connection in
            try connection.run(SQL.update, values) == 1
        }
    }

    private static func references(of membership: Membership) -> [RecordReference] {
        [
            RecordReference("user", table: "users", value: membership.userID),
            RecordReference("product", table: "products", value: membership.productID),
            RecordReference("plan", table: "plans", value: membership.planID),
            RecordReference("company", table: "companies", value: membership.companyID),
        ]
    }

    /// Returns the values of `columns`, in order.
    private static func values(of membership: Membership) throws(StoreError) -> [SQLiteValue] {
        [
            .text(membership.id), .text(membership.userID), .text(membership.productID), .text(membership.planID),
            .text(membership.companyID), .text(membership.status.rawValue), .integer(membership.createdAt),
            SQLiteValue(membership.expiresAt), SQLiteValue(membership.renewalPeriodStart),
            SQLiteValue(membership.renewalPeriodEnd), StoredValue.bool(membership.cancelAtPeriodEnd),
            SQLiteValue(membership.quantity), SQLiteValue(membership.licenseKey),
            try StoredValue.metadata(membership.metadata),
        ]
    }

    private static func decodeMembership(_ row: SQLiteStatement) throws -> Membership {
        Membership(
            id: row.string(at: 0), userID: row.string(at: 1), productID: row.string(at: 2),
            planID: row.string(at: 3), companyID: row.string(at: 4),
            status: try row.enumeration(MembershipStatus.self, at: 5), createdAt: row.int64(at: 6),
            expiresAt: row.optionalInt64(at: 7), renewalPeriodStart: row.optionalInt64(at: 8),
            renewalPeriodEnd: row.optionalInt64(at: 9), cancelAtPeriodEnd: row.bool(at: 10),
            quantity: row.int(at: 11), licenseKey: row.optionalString(at: 12), metadata: try row.metadata(at: 13))
    }
}
