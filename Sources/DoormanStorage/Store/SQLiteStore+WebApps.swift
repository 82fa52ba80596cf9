import DoormanOAuth

extension SQLiteStore {
    private enum SQL {
        static let insert = """
            INSERT INTO web_apps (id, company_id, name, client_id, client_secret_hash, require_pkce, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """
        static let insertRedirectURI = "INSERT INTO web_app_redirect_uris (web_app_id, position, uri) VALUES (?, ?, ?)"
        static let insertProduct = "INSERT INTO web_app_products (web_app_id, product_id, position) VALUES (?, ?, ?)"
        static let byClientID = select(where: "w.client_id = ?1")
        static let byID = select(where: "w.id = ?1")
        static let byCompany = select(where: "w.company_id = ?1")
        static let byProduct = select(where: "w.id IN (SELECT web_app_id FROM web_app_products WHERE product_id = ?1)")
        static let setSecretHash = "UPDATE web_apps SET client_secret_hash = ? WHERE id = ?"
        static let setRequirePKCE = "UPDATE web_apps SET require_pkce = ? WHERE id = ?"
        static let consent = """
            SELECT user_id, client_id, scope, granted_at FROM consents WHERE user_id = ? AND client_id = ?
            """
        static let saveConsent = """
            INSERT INTO consents (user_id, client_id, scope, granted_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id, client_id) DO UPDATE SET scope = excluded.scope, granted_at = excluded.granted_at
            """

        /// Returns one statement that reads the web apps that `filter` selects, with their redirect URIs and
        /// products, so that a web app comes from a single snapshot in a single step through the rows.
        ///
        /// Each row is a web app's columns (0 to 7: rowid first) followed by a kind (0 redirect URI, 1 product),
        /// a position and the value. The first part is a LEFT JOIN, so a web app without URIs still has a row,
        /// whose value is NULL. Rows come oldest web app first, then URIs and products in their stored order.
        private static func select(where filter: String) -> String {
            let webApp =
                "w.rowid, w.id, w.company_id, w.name, w.client_id, w.client_secret_hash, w.require_pkce, "
                + "w.created_at"
            return """
                SELECT \(webApp), 0, r.position, r.uri FROM web_apps AS w
                LEFT JOIN web_app_redirect_uris AS r ON r.web_app_id = w.id WHERE \(filter)
                UNION ALL
                SELECT \(webApp), 1, p.position, p.product_id FROM web_apps AS w
                JOIN web_app_products AS p ON p.web_app_id = w.id WHERE \(filter)
                ORDER BY 8, 1, 9, 10
                """
        }
    }

    /// Inserts a web app with its redirect URIs and products, all or nothing. Throws `.conflict("client_id")`
    /// for a taken client id and `.missingReference` naming the company or product that does not exist.
    public func createWebApp(_ webApp: WebApp) throws(StoreError) {
        let references =
            [RecordReference("company", table: "companies", value: webApp.companyID)]
            + webApp.productIDs.map { RecordReference("product", table: "products", value: $0) }
        try write(references: references) { connection in
            try connection.run(
                SQL.insert,
                [
                    .text(webApp.id), .text(webApp.companyID), .text(webApp.name), .text(webApp.clientID),
                    SQLiteValue(webApp.clientSecretHash), StoredValue.bool(webApp.requirePKCE),
                    .integer(webApp.createdAt),
                ])
            for (position, uri) in webApp.redirectURIs.enumerated() {
                try connection.run(SQL.insertRedirectURI, [.text(webApp.id), SQLiteValue(position), .text(uri)])
            }
            for (position, productID) in webApp.productIDs.enumerated() {
                try connection.run(SQL.insertProduct, [.text(webApp.id), .text(productID), SQLiteValue(position)])
            }
        }
    }

    /// Returns the web app whose `client_id` is `clientID`, or nil. The token endpoint calls this on every request.
    public func webApp(clientID: String) throws(StoreError) -> WebApp? {
        try webApps(SQL.byClientID, key: clientID).first
    }

    /// Returns the web app with `id`, or nil.
    public func webApp(id: String) throws(StoreError) -> WebApp? {
        try webApps(SQL.byID, key: id).first
    }

    /// Returns the web apps of `companyID`, oldest first.
    public func webApps(companyID: String) throws(StoreError) -> [WebApp] {
        try webApps(SQL.byCompany, key: companyID)
    }

    /// Returns the web apps that serve `productID`, oldest first.
    public func webApps(productID: String) throws(StoreError) -> [WebApp] {
        try webApps(SQL.byProduct, key: productID)
    }

    /// Replaces the secret hash of web app `id`; nil makes it a public client. Returns false when there is none.
    public func setClientSecretHash(_ hash: String?, webAppID id: String) throws(StoreError) -> Bool {
        try transaction { connection in
            try connection.run(SQL.setSecretHash, [SQLiteValue(hash), .text(id)]) == 1
        }
    }

    /// Sets `WebApp.requirePKCE` of web app `id`. Returns false when there is none.
    public func setRequirePKCE(_ requirePKCE: Bool, webAppID id: String) throws(StoreError) -> Bool {
        try transaction { connection in
            try connection.run(SQL.setRequirePKCE, [StoredValue.bool(requirePKCE), .text(id)]) == 1
        }
    }

    /// Returns the consent `userID` gave `clientID`, or nil.
    public func consent(userID: String, clientID: String) throws(StoreError) -> Consent? {
        try withConnection { connection in
            try connection.queryFirst(SQL.consent, [.text(userID), .text(clientID)]) { row in
                Consent(
                    userID: row.string(at: 0), clientID: row.string(at: 1), scope: try row.scope(at: 2),
                    grantedAt: row.int64(at: 3))
            }
        }
    }

    /// Inserts or replaces the consent of its user for its client. Throws `.missingReference` naming the user
    /// or the client when either does not exist.
    public func saveConsent(_ consent: Consent) throws(StoreError) {
        let references = [
            RecordReference("user", table: "users", value: consent.userID),
            RecordReference("client", table: "web_apps", column: "client_id", value: consent.clientID),
        ]
        try write(references: references) { connection in
            try connection.run(
                SQL.saveConsent,
                [
                    .text(consent.userID), .text(consent.clientID), .text(consent.scope.description),
                    .integer(consent.grantedAt),
                ])
        }
    }

    private func webApps(_ sql: String, key: String) throws(StoreError) -> [WebApp] {
        try withConnection { connection in
            try connection.withStatement(sql) { statement in
                try statement.bind(key, at: 1)
                return try Self.decodeWebApps(statement)
            }
        }
    }

    /// Steps through the rows of `SQL.select` and assembles one web app per run of equal rowids.
    private static func decodeWebApps(_ row: SQLiteStatement) throws(SQLiteError) -> [WebApp] {
        var webApps: [WebApp] = []
        var currentRowID: Int64?
        while try row.step() {
            let rowID = row.int64(at: 0)
            if rowID != currentRowID {
                webApps.append(decodeWebApp(row))
                currentRowID = rowID
            }
            guard !row.isNull(at: 10) else {
                continue
            }
            if row.int64(at: 8) == 0 {
                webApps[webApps.count - 1].redirectURIs.append(row.string(at: 10))
            } else {
                webApps[webApps.count - 1].productIDs.append(row.string(at: 10))
            }
        }
        return webApps
    }

    private static func decodeWebApp(_ row: SQLiteStatement) -> WebApp {
        WebApp(
            id: row.string(at: 1), companyID: row.string(at: 2), name: row.string(at: 3),
            clientID: row.string(at: 4), clientSecretHash: row.optionalString(at: 5), redirectURIs: [],
            productIDs: [], requirePKCE: row.bool(at: 6), createdAt: row.int64(at: 7))
    }
}
