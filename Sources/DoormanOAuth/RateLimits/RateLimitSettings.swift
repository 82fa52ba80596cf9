/// The rate limits that apply, and the number of hits an instance leases from the shared counters at once.
///
/// A nil limit is off. RFC 6749 section 2.3.1 requires protection against brute force wherever a password is
/// checked: the token, revocation and introspection endpoints check client secrets and the sign-in form checks user
/// passwords.
public struct RateLimitSettings: Sendable, Equatable {
    /// Token, revocation and introspection requests per `client_id`, counted together before the client is
    /// authenticated, so guessing one client's secret is limited.
    public var tokenPerClient: RateLimit?
    /// Token, revocation and introspection requests per client address, counted together.
    public var tokenPerAddress: RateLimit?
    /// Sign-in attempts per client address, successful or not.
    public var signInPerAddress: RateLimit?
    /// Delays after failed passwords, per account.
    public var signInPerAccount: SignInBackoff?
    /// Requests to the authorization endpoint and its consent form per client address.
    public var authorizePerAddress: RateLimit?
    /// Hits an instance adds to a shared counter at once and then admits from memory (see `RateLimitLease`).
    public var leaseSize: Int

    /// Creates settings with every limit off and leases of 1, which counts every hit in the store.
    public init(
        tokenPerClient: RateLimit? = nil, tokenPerAddress: RateLimit? = nil, signInPerAddress: RateLimit? = nil,
        signInPerAccount: SignInBackoff? = nil, authorizePerAddress: RateLimit? = nil, leaseSize: Int = 1
    ) {
        precondition(leaseSize >= 1, "leaseSize must be at least 1, got \(leaseSize)")
        self.tokenPerClient = tokenPerClient
        self.tokenPerAddress = tokenPerAddress
        self.signInPerAddress = signInPerAddress
        self.signInPerAccount = signInPerAccount
        self.authorizePerAddress = authorizePerAddress
        self.leaseSize = leaseSize
    }

    /// The defaults of `doorman serve`: 600 token requests per minute per client and per address, 30 sign-in
    /// attempts per 5 minutes per address, `SignInBackoff.standard` per account, 300 authorization requests per
    /// minute per address, and leases of 20 hits.
    public static let standard = RateLimitSettings(
        tokenPerClient: RateLimit(limit: 600, window: 60), tokenPerAddress: RateLimit(limit: 600, window: 60),
        signInPerAddress: RateLimit(limit: 30, window: 300), signInPerAccount: .standard,
        authorizePerAddress: RateLimit(limit: 300, window: 60), leaseSize: 20)

    /// Every limit off.
    public static let disabled = RateLimitSettings()
}
