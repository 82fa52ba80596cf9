import DoormanOAuth

/// The columns that `access_tokens` and `refresh_tokens` share, so both tables use one encoder and decoder.
struct TokenColumns {
    var tokenHash: String
    var clientID: String
    var userID: String
    var scope: Scope
    var grantID: String
    var createdAt: Int64
    var expiresAt: Int64
    var revokedAt: Int64?

    /// Decodes the current row of a statement that selects the columns in table order.
    init(_ row: SQLiteStatement) throws(StoreError) {
        tokenHash = row.string(at: 0)
        clientID = row.string(at: 1)
        userID = row.string(at: 2)
        scope = try row.scope(at: 3)
        grantID = row.string(at: 4)
        createdAt = row.int64(at: 5)
        expiresAt = row.int64(at: 6)
        revokedAt = row.optionalInt64(at: 7)
    }

    init(
        tokenHash: String, clientID: String, userID: String, scope: Scope, grantID: String, createdAt: Int64,
        expiresAt: Int64, revokedAt: Int64?
    ) {
        self.tokenHash = tokenHash
        self.clientID = clientID
        self.userID = userID
        self.scope = scope
        self.grantID = grantID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Binds the columns in table order to parameters 1 to 8 of an INSERT.
    func bind(to statement: SQLiteStatement) throws(SQLiteError) {
        try statement.bind(tokenHash, at: 1)
        try statement.bind(clientID, at: 2)
        try statement.bind(userID, at: 3)
        try statement.bind(scope.description, at: 4)
        try statement.bind(grantID, at: 5)
        try statement.bind(createdAt, at: 6)
        try statement.bind(expiresAt, at: 7)
        try statement.bind(SQLiteValue(revokedAt), at: 8)
    }
}

extension AccessToken {
    var columns: TokenColumns {
        TokenColumns(
            tokenHash: tokenHash, clientID: clientID, userID: userID, scope: scope, grantID: grantID,
            createdAt: createdAt, expiresAt: expiresAt, revokedAt: revokedAt)
    }

    init(_ columns: TokenColumns) {
        self.init(
            tokenHash: columns.tokenHash, clientID: columns.clientID, userID: columns.userID, scope: columns.scope,
            grantID: columns.grantID, createdAt: columns.createdAt, expiresAt: columns.expiresAt,
            revokedAt: columns.revokedAt)
    }
}

extension RefreshToken {
    var columns: TokenColumns {
        TokenColumns(
            tokenHash: tokenHash, clientID: clientID, userID: userID, scope: scope, grantID: grantID,
            createdAt: createdAt, expiresAt: expiresAt, revokedAt: revokedAt)
    }

    init(_ columns: TokenColumns) {
        self.init(
            tokenHash: columns.tokenHash, clientID: columns.clientID, userID: columns.userID, scope: columns.scope,
            grantID: columns.grantID, createdAt: columns.createdAt, expiresAt: columns.expiresAt,
            revokedAt: columns.revokedAt)
    }
}
