/// A successful token endpoint response (RFC 6749 section 5.1) in the Doorkeeper shape that Whop's v5 API uses.
public struct TokenResponse: Sendable, Hashable {
    /// `access_token`: the opaque access token.
    public let accessToken: String
    /// `token_type`: always `Bearer` (RFC 6750).
    public let tokenType = "Bearer"
    /// `expires_in`: seconds until the access token expires.
    public let expiresIn: Int64
    /// `refresh_token`: the opaque refresh token, or nil to leave the field out.
    public let refreshToken: String?
    /// `scope`: the granted scope, always sent so clients need not compare it with their request.
    public let scope: Scope
    /// `created_at`: issue time in Unix seconds.
    public let createdAt: Int64

    /// Headers every token response must carry: no caching of credentials (RFC 6749 section 5.1).
    public static let headers: [(name: String, value: String)] = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Cache-Control", "no-store"),
        ("Pragma", "no-cache"),
    ]

    /// Creates a response.
    public init(accessToken: String, expiresIn: Int64, refreshToken: String?, scope: Scope, createdAt: Int64) {
        self.accessToken = accessToken
        self.expiresIn = expiresIn
        self.refreshToken = refreshToken
        self.scope = scope
        self.createdAt = createdAt
    }

    /// The JSON body in key order: `access_token`, `token_type`, `expires_in`, `refresh_token` (when
    /// present), `scope`, `created_at`, which is the order Doorkeeper sends them in.
    public var fields: [(name: String, value: FieldValue)] {
        var fields: [(name: String, value: FieldValue)] = [
            ("access_token", .string(accessToken)),
            ("token_type", .string(tokenType)),
            ("expires_in", .integer(expiresIn)),
        ]
        if let refreshToken {
            fields.append(("refresh_token", .string(refreshToken)))
        }
        fields.append(("scope", .string(scope.description)))
        fields.append(("created_at", .integer(createdAt)))
        return fields
    }
}
