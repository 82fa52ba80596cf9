import Foundation

/// The tokens of a token response (RFC 6749 section 5.1), as `exchange` and `refresh` return them.
///
/// It is `Codable` with the wire's snake_case keys plus `received_at`, so a web app can keep it in its
/// session store and decode it again unchanged.
public struct TokenSet: Sendable, Hashable, Codable {
    /// `access_token`: the bearer token for `/v5/…` requests.
    public var accessToken: String
    /// `token_type`: `Bearer`.
    public var tokenType: String
    /// `expires_in`: the access token's lifetime in seconds, counted from when it was issued.
    public var expiresIn: Int
    /// `refresh_token`, or nil when the provider issued none.
    public var refreshToken: String?
    /// `scope`: the granted scopes separated by spaces, such as `api`, or nil when the provider sent none.
    public var scope: String?
    /// `created_at`: when the provider issued the token by its own clock, or nil when it sent none.
    public var createdAt: Date?
    /// When this client received the response, by the local clock.
    public var receivedAt: Date

    /// Creates a token set from its parts.
    public init(
        accessToken: String, tokenType: String = "Bearer", expiresIn: Int, refreshToken: String? = nil,
        scope: String? = nil, createdAt: Date? = nil, receivedAt: Date = Date()
    ) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.refreshToken = refreshToken
        self.scope = scope
        self.createdAt = createdAt
        self.receivedAt = receivedAt
    }

    /// When the access token expires by the local clock: `receivedAt` plus `expiresIn`.
    ///
    /// It counts from `receivedAt` rather than `createdAt` so a skew between the provider's clock and the
    /// local one does not shift it. It errs late by the response's transit time.
    public var expiresAt: Date {
        receivedAt.addingTimeInterval(TimeInterval(expiresIn))
    }

    /// Returns whether the access token has expired at `date`, or will within `leeway` seconds.
    public func isExpired(at date: Date = Date(), leeway: TimeInterval = 0) -> Bool {
        date.addingTimeInterval(leeway) >= expiresAt
    }

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case refreshToken = "refresh_token"
        case scope
        case createdAt = "created_at"
        case receivedAt = "received_at"
    }

    /// Decodes a token response or a stored token set. A token response has no `received_at`, so `receivedAt`
    /// is then the time of decoding.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(String.self, forKey: .accessToken)
        tokenType = try container.decode(String.self, forKey: .tokenType)
        expiresIn = try container.decode(Int.self, forKey: .expiresIn)
        refreshToken = try container.decodeIfPresent(String.self, forKey: .refreshToken)
        scope = try container.decodeIfPresent(String.self, forKey: .scope)
        createdAt = try container.decodeUnixTimeIfPresent(forKey: .createdAt)
        receivedAt = try container.decodeUnixTimeIfPresent(forKey: .receivedAt) ?? Date()
    }

    /// Encodes the wire keys, times as Unix seconds, and `received_at`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessToken, forKey: .accessToken)
        try container.encode(tokenType, forKey: .tokenType)
        try container.encode(expiresIn, forKey: .expiresIn)
        try container.encodeIfPresent(refreshToken, forKey: .refreshToken)
        try container.encodeIfPresent(scope, forKey: .scope)
        try container.encodeUnixTime(createdAt, forKey: .createdAt)
        try container.encodeUnixTime(receivedAt, forKey: .receivedAt)
    }
}
