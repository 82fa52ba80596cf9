import DoormanOAuth

extension PostgresStore {
    private enum SQL {
        static let insert = """
            INSERT INTO web_apps (id, company_id, name, client_id, client_secret_hash, require_pkce, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """
        static let insertRedirectURI = """
            INSERT INTO web_app_redirect_uris (web_app_id, position, uri) VALUES ($1, $2, $3)
            """
        static let insertProduct = "INSERT INTO web_app_products (web_app_id, product_id, position) VALUES ($1, $2, $3)"
        static let byClientID = select(where: "w.client_id = $1")
        static let byID = select(where: "w.id = $1")
        static let byCompany = select(where: "w.company_id = $1")
        static let byProduct = select(where: "w.id IN (SELECT web_app_id FROM web_app_products WHERE product_id = $1)")
        static let setSecretHash = "UPDATE web_apps SET client_secret_hash = $1 WHERE id = $2"
        static let setRequirePKCE = "UPDATE web_apps SET require_pkce = $1 WHERE id = $2"
        static let consent = """
            SELECT user_id, client_id, scope, granted_at FROM consents WHERE user_id = $1 AND client_id = $2
            """
        static let saveConsent = """
            INSERT INTO consents (user_id, client_id, scope, granted_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (user_id, client_id) DO UPDATE SET scope = excluded.scope, granted_at = excluded.granted_at
            """

        /// Returns one statement that reads the web apps that `filter` selects, with their redirect URIs and
        /// products, so that a web app comes from a single snapshot.
        ///
        /// Each row is a web app's columns (0 to 7: position first) followed by a kind (0 redirect URI, 1 product),
        /// a position and the value. The first part is a LEFT JOIN, so a web app without URIs still has a row,
        /// whose value is NULL. Rows come oldest web app first (by `created_at`, then insertion order), then URIs and
        /// products in their stored order.
        private static func select(where filter: String) -> String {
            let webApp =
                "w.position, w.id, w.company_id, w.name, w.client_id, w.client_secret_hash, w.require_pkce, "
                + "w.created_at"
            return """
                SELECT \(webApp), 0 AS kind, r.position AS item_position, r.uri AS item FROM web_apps AS w
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
            [PostgresReference("company", table: "companies", value: webApp.companyID)]
            + webApp.productIDs.map { PostgresReference("product", table: "products", value: $0) }
        try write(references: references) { connection in
            try connection.run(
                SQL.insert,
                [
                    webApp.id, webApp.companyID, webApp.name, webApp.clientID, webApp.clientSecretHash,
                    webApp.requirePKCE, webApp.createdAt,
                ])
            for (position, uri) in webApp.redirectURIs.enumerated() {
                try connection.run(SQL.insertRedirectURI, [webApp.id, position, uri])
            }
            for (position, productID) in webApp.productIDs.enumerated() {
                try connection.run(SQL.insertProduct, [webApp.id, productID, position])
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
    ///
    /// Setting the same hash twice leaves the same row, so the transaction may run again after a connection lost
    /// during COMMIT.
    public func setClientSecretHash(_ hash: String?, webAppID id: String) throws(StoreError) -> Bool {
        try transaction(idempotent: true) { connection in
            try connection.run(SQL.setSecretHash, [hash, id]) == 1
        }
    }

    /// Sets `WebApp.requirePKCE` of web app `id`. Returns false when there is none.
    public func setRequirePKCE(_ requirePKCE: Bool, webAppID id: String) throws(StoreError) -> Bool {
        try transaction(idempotent: true) { connection in
            try connection.run(SQL.setRequirePKCE, [requirePKCE, id]) == 1
        }
    }

    /// Returns the consent `userID` gave `clientID`, or nil.
    public func consent(userID: String, clientID: String) throws(StoreError) -> Consent? {
        try read { connection in
            try connection.query(SQL.consent, [userID, clientID]).first.map { row in
                Consent(
                    userID: try row.string(at: 0), clientID: try row.string(at: 1), scope: try row.scope(at: 2),
                    grantedAt: try row.int64(at: 3))
            }
        }
    }

    /// Inserts or replaces the consent of its user for its client. Throws `.missingReference` naming the user
    /// or the client when either does not exist. Saving one consent twice leaves the same row, so the transaction
    /// may run again after a connection lost during COMMIT.
    public func saveConsent(_ consent: Consent) throws(StoreError) {
        let references = [
            PostgresReference("user", table: "users", value: consent.userID),
            PostgresReference("client", table: "web_apps", column: "client_id", value: consent.clientID),
        ]
        try write(references: references, idempotent: true) { connection in
            try connection.run(
                SQL.saveConsent, [consent.userID, consent.clientID, consent.scope.description, consent.grantedAt])
        }
    }

    private func webApps(_ sql: String, key: String) throws(StoreError) -> [WebApp] {
        try read { connection in
            try Self.decodeWebApps(try connection.query(sql, [key]))
        }
    }

    /// Assembles one web app per run of rows with equal web app positions.
    private static func decodeWebApps(_ rows: [PostgresRow]) throws(PostgresError) -> [WebApp] {
        var webApps: [WebApp] = []
        var currentPosition: Int64?
        for row in rows {
            let position = try row.int64(at: 0)
            if position != currentPosition {
                webApps.append(try decodeWebApp(row))
                currentPosition = position
            }
            guard let item = row.optionalString(at: 10) else {
                continue
            }
            if try row.int64(at: 8) == 0 {
                webApps[webApps.count - 1].redirectURIs.append(item)
            } else {
                webApps[webApps.count - 1].productIDs.append(item)
            }
        }
        return webApps
    }

    private static func decodeWebApp(_ row: PostgresRow) throws(PostgresError) -> WebApp {
        WebApp(
            id: try row.string(at: 1), companyID: try row.string(at: 2), name: try row.string(at: 3),
            clientID: try row.string(at: 4), clientSecretHash: row.optionalString(at: 5), redirectURIs: [],
            productIDs: [], requirePKCE: try row.bool(at: 6), createdAt: try row.int64(at: 7))
    }
}
