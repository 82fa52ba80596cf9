import DoormanOAuth

/// Reading and writing the columns that `access_tokens` and `refresh_tokens` share, in table order:
/// token_hash, client_id, user_id, scope, grant_id, created_at, expires_at, revoked_at.
enum PostgresTokenColumns {
    static let names = "token_hash, client_id, user_id, scope, grant_id, created_at, expires_at, revoked_at"
    /// The shared columns followed by a refresh token's own: `rotated_at` and `sealed_successor` as hex digits.
    static let refreshNames = names + ", rotated_at, encode(sealed_successor, 'hex')"

    /// Returns the parameters of an INSERT of `names`.
    static func values(of token: AccessToken) -> [(any PostgresParameter)?] {
        [
            token.tokenHash, token.clientID, token.userID, token.scope.description, token.grantID, token.createdAt,
            token.expiresAt, token.revokedAt,
        ]
    }

    /// Returns the parameters of an INSERT of `names`.
    static func values(of token: RefreshToken) -> [(any PostgresParameter)?] {
        [
            token.tokenHash, token.clientID, token.userID, token.scope.description, token.grantID, token.createdAt,
            token.expiresAt, token.revokedAt,
        ]
    }

    /// Decodes an access token from columns 0 to 7 of `row`.
    static func accessToken(_ row: PostgresRow) throws(PostgresError) -> AccessToken {
        AccessToken(
            tokenHash: try row.string(at: 0), clientID: try row.string(at: 1), userID: try row.string(at: 2),
            scope: try row.scope(at: 3), grantID: try row.string(at: 4), createdAt: try row.int64(at: 5),
            expiresAt: try row.int64(at: 6), revokedAt: try row.optionalInt64(at: 7))
    }

    /// Decodes a refresh token from columns 0 to 9 of `row`, selected as `refreshNames`.
    static func refreshToken(_ row: PostgresRow) throws(PostgresError) -> RefreshToken {
        RefreshToken(
            tokenHash: try row.string(at: 0), clientID: try row.string(at: 1), userID: try row.string(at: 2),
            scope: try row.scope(at: 3), grantID: try row.string(at: 4), createdAt: try row.int64(at: 5),
            expiresAt: try row.int64(at: 6), revokedAt: try row.optionalInt64(at: 7),
            rotatedAt: try row.optionalInt64(at: 8), sealedSuccessor: try row.optionalHexBytes(at: 9))
    }
}
