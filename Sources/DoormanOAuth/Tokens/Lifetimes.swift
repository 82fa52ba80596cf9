/// How long codes and tokens stay valid, in seconds.
public struct Lifetimes: Sendable, Hashable {
    /// Authorization code lifetime in seconds. RFC 6749 section 4.1.2 recommends at most 10 minutes.
    public let authorizationCode: Int64
    /// Access token lifetime in seconds: the `expires_in` of a fresh token.
    public let accessToken: Int64
    /// Refresh token inactivity window in seconds: every refresh token, the first and each successor, expires
    /// this long after it was issued, so a family that is used stays alive and an unused one expires
    /// (RFC 9700 section 4.14.2). Families have no absolute lifetime.
    public let refreshToken: Int64

    /// The defaults: codes 600 seconds, access tokens 7200 seconds, refresh tokens 30 days.
    public static let standard = Lifetimes(validAuthorizationCode: 600, accessToken: 7200, refreshToken: 30 * 86_400)

    /// Creates lifetimes in seconds, or returns nil unless all three are positive.
    public init?(authorizationCode: Int64, accessToken: Int64, refreshToken: Int64) {
        guard authorizationCode > 0, accessToken > 0, refreshToken > 0 else {
            return nil
        }
        self.init(validAuthorizationCode: authorizationCode, accessToken: accessToken, refreshToken: refreshToken)
    }

    private init(validAuthorizationCode: Int64, accessToken: Int64, refreshToken: Int64) {
        self.authorizationCode = validAuthorizationCode
        self.accessToken = accessToken
        self.refreshToken = refreshToken
    }
}
