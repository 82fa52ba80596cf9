import DoormanCrypto

/// A newly issued authorization code: the value for the client and the record to store.
public struct IssuedCode: Sendable, Hashable {
    /// The code to put in the redirect. It is never stored.
    public let code: String
    /// The record to store, keyed by `TokenHash.of(code)`.
    public let record: AuthorizationCode
}

/// Newly issued tokens: the records to store and the response that carries the token values.
public struct IssuedTokens: Sendable, Hashable {
    /// The access token record to store.
    public let accessToken: AccessToken
    /// The refresh token record to store.
    public let refreshToken: RefreshToken
    /// The response body with the token values, which are never stored.
    public let response: TokenResponse
}

/// Makes codes, tokens and client secrets from a random source, with lifetimes applied.
///
/// Every value carries `secretByteCount` random bytes, so guessing one succeeds with probability
/// 2^-256 per attempt, well below the 2^-128 that RFC 6749 section 10.10 requires. Codes and tokens are
/// `OrderedToken` values, which begin with their issue time. Client secrets are random bytes alone.
public struct TokenIssuer: Sendable {
    /// Random bytes per code, token and client secret: 32, which is 256 bits and 43 base64url characters.
    public static let secretByteCount = 32

    /// The lifetimes applied to new codes and tokens.
    public let lifetimes: Lifetimes
    private let random: any RandomSource
    private let microseconds: @Sendable () -> Int64

    /// Creates an issuer. Tests pass a deterministic `random`; production uses the operating system's CSPRNG.
    ///
    /// `microseconds` gives the time digits of new codes and tokens. Those digits only order the keys, so the
    /// default is the real-time clock even where the times stored in records come from an injected clock.
    public init(
        lifetimes: Lifetimes = .standard, random: any RandomSource = SodiumRandomSource(),
        microseconds: @escaping @Sendable () -> Int64 = OrderedToken.currentMicroseconds
    ) {
        self.lifetimes = lifetimes
        self.random = random
        self.microseconds = microseconds
    }

    /// Issues a code for a validated authorization request that `userID` approved at `now`, in Unix seconds.
    public func issueCode(for authorization: ValidatedAuthorization, userID: String, at now: Int64) -> IssuedCode {
        makeCode(
            clientID: authorization.client.clientID, userID: userID, redirectURI: authorization.requestedRedirectURI,
            scope: authorization.scope, challenge: authorization.codeChallenge,
            method: authorization.codeChallengeMethod, at: now)
    }

    /// Issues a code for a launch from the hub: the hub sends the browser to the web app's first registered
    /// redirect URI with this code and no `state`.
    ///
    /// The caller checks `Access.userMayUse` first. The code has no redirect URI and no PKCE challenge,
    /// so only a client that does not need PKCE (`WebApp.needsPKCE`) can redeem it. Other clients must
    /// start at the authorization endpoint instead.
    public func issueLaunchCode(for webApp: WebApp, userID: String, scope: Scope = .default, at now: Int64)
        -> IssuedCode
    {
        makeCode(
            clientID: webApp.clientID, userID: userID, redirectURI: nil, scope: scope, challenge: nil, method: nil,
            at: now)
    }

    /// Issues an access token and a refresh token for a grant at `now`, in Unix seconds.
    ///
    /// `grantID` is the `codeHash` of the code that started the grant, also when refreshing.
    public func issueTokens(clientID: String, userID: String, scope: Scope, grantID: String, at now: Int64)
        -> IssuedTokens
    {
        let issuedAt = microseconds()
        let accessValue = OrderedToken.make(random: random, microseconds: issuedAt)
        let refreshValue = OrderedToken.make(random: random, microseconds: issuedAt)

        let accessToken = AccessToken(
            tokenHash: TokenHash.of(accessValue), clientID: clientID, userID: userID, scope: scope, grantID: grantID,
            createdAt: now, expiresAt: now + lifetimes.accessToken)
        let refreshToken = RefreshToken(
            tokenHash: TokenHash.of(refreshValue), clientID: clientID, userID: userID, scope: scope, grantID: grantID,
            createdAt: now, expiresAt: now + lifetimes.refreshToken)
        let response = TokenResponse(
            accessToken: accessValue, expiresIn: lifetimes.accessToken, refreshToken: refreshValue, scope: scope,
            createdAt: now)
        return IssuedTokens(accessToken: accessToken, refreshToken: refreshToken, response: response)
    }

    /// Makes a client secret and the hash to store in `WebApp.clientSecretHash`.
    public func makeClientSecret() -> (secret: String, hash: String) {
        let secret = random.token(bytes: Self.secretByteCount)
        return (secret, TokenHash.of(secret))
    }

    private func makeCode(
        clientID: String, userID: String, redirectURI: String?, scope: Scope, challenge: String?,
        method: PKCE.Method?, at now: Int64
    ) -> IssuedCode {
        let code = OrderedToken.make(random: random, microseconds: microseconds())
        let record = AuthorizationCode(
            codeHash: TokenHash.of(code), clientID: clientID, userID: userID, redirectURI: redirectURI, scope: scope,
            codeChallenge: challenge, codeChallengeMethod: method, createdAt: now,
            expiresAt: now + lifetimes.authorizationCode)
        return IssuedCode(code: code, record: record)
    }
}
