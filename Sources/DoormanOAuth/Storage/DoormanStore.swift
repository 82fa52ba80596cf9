/// Everything Doorman stores, as one narrow interface per concern.
///
/// Every method is safe to call from any thread. Methods that read return nil or an empty list for a missing
/// record and never throw for it. They throw `StoreError` only when the store itself fails. Times are Unix
/// seconds passed in by the caller, so stores never read a clock. Codes, tokens, secrets and session ids are
/// stored and looked up by `TokenHash.of(_:)`, never in the clear.
public typealias DoormanStore = UserStore & CatalogStore & MembershipStore & WebAppStore & GrantStore
    & SessionStore & CleanupStore & RateLimitStore

/// Users of the hub.
public protocol UserStore: Sendable {
    /// Inserts a user. Throws `.conflict("username")` when the username is taken, compared case-insensitively.
    func createUser(_ user: User) throws(StoreError)
    /// Returns the user with `id`, or nil.
    func user(id: String) throws(StoreError) -> User?
    /// Returns the user whose username equals `username` ignoring ASCII case, or nil.
    func user(username: String) throws(StoreError) -> User?
}

/// Companies, their products and the products' plans.
public protocol CatalogStore: Sendable {
    /// Inserts a company. Throws `.missingReference` when the owner does not exist.
    func createCompany(_ company: Company) throws(StoreError)
    /// Returns the company with `id`, or nil.
    func company(id: String) throws(StoreError) -> Company?
    /// Returns the companies that `userID` owns, oldest first.
    func companies(ownerUserID: String) throws(StoreError) -> [Company]
    /// Inserts a product. Throws `.missingReference` when the company does not exist.
    func createProduct(_ product: Product) throws(StoreError)
    /// Returns the product with `id`, or nil.
    func product(id: String) throws(StoreError) -> Product?
    /// Returns the products of `companyID`, oldest first.
    func products(companyID: String) throws(StoreError) -> [Product]
    /// Returns every product whose visibility is `visible`, oldest first.
    func visibleProducts() throws(StoreError) -> [Product]
    /// Inserts a plan. Throws `.missingReference` when the product does not exist.
    func createPlan(_ plan: Plan) throws(StoreError)
    /// Returns the plan with `id`, or nil.
    func plan(id: String) throws(StoreError) -> Plan?
    /// Returns the plans of `productID`, oldest first.
    func plans(productID: String) throws(StoreError) -> [Plan]
}

/// Memberships, the proof of purchase.
public protocol MembershipStore: Sendable {
    /// Inserts a membership. Throws `.missingReference` when the user, product or plan does not exist.
    func createMembership(_ membership: Membership) throws(StoreError)
    /// Returns the membership with `id`, or nil.
    func membership(id: String) throws(StoreError) -> Membership?
    /// Returns every membership of `userID`, newest first. Validity is not filtered here: it depends on the time.
    func memberships(userID: String) throws(StoreError) -> [Membership]
    /// Returns every membership of `productID`, newest first, for the seller's member list.
    func memberships(productID: String) throws(StoreError) -> [Membership]
    /// Replaces the stored membership with the same id. Returns false when there is none. Throws
    /// `.missingReference` when the new values refer to a user, product or plan that does not exist.
    func updateMembership(_ membership: Membership) throws(StoreError) -> Bool
}

/// Web apps, the OAuth clients.
public protocol WebAppStore: Sendable {
    /// Inserts a web app with its redirect URIs and products, all or nothing. Throws `.conflict("client_id")`
    /// for a taken client id and `.missingReference` when the company or a product does not exist.
    func createWebApp(_ webApp: WebApp) throws(StoreError)
    /// Returns the web app whose `client_id` is `clientID`, or nil. The token endpoint calls this on every request.
    func webApp(clientID: String) throws(StoreError) -> WebApp?
    /// Returns the web app with `id`, or nil.
    func webApp(id: String) throws(StoreError) -> WebApp?
    /// Returns the web apps of `companyID`, oldest first.
    func webApps(companyID: String) throws(StoreError) -> [WebApp]
    /// Returns the web apps that serve `productID`, oldest first.
    func webApps(productID: String) throws(StoreError) -> [WebApp]
    /// Replaces the secret hash of web app `id`; nil makes it a public client. Returns false when there is none.
    func setClientSecretHash(_ hash: String?, webAppID id: String) throws(StoreError) -> Bool
    /// Sets `WebApp.requirePKCE` of web app `id`. Returns false when there is none.
    func setRequirePKCE(_ requirePKCE: Bool, webAppID id: String) throws(StoreError) -> Bool
    /// Returns the consent `userID` gave `clientID`, or nil.
    func consent(userID: String, clientID: String) throws(StoreError) -> Consent?
    /// Inserts or replaces the consent of its user for its client. Throws `.missingReference` when either
    /// does not exist.
    func saveConsent(_ consent: Consent) throws(StoreError)
}

/// The outcome of redeeming an authorization code.
public enum CodeRedemptionResult: Sendable, Equatable {
    /// The code was unused; it is now consumed and the tokens are stored, in one transaction.
    case redeemed
    /// The code had been consumed before; nothing was stored. The caller should revoke the grant.
    case alreadyConsumed
    /// No code has this hash; nothing was stored.
    case notFound
}

/// The outcome of rotating a refresh token.
public enum RefreshRotationResult: Sendable, Equatable {
    /// The token was active. It is now rotated and its successors are stored, in one transaction.
    case rotated
    /// The token had been revoked or rotated before, so nothing was stored. The record is the one the rotation's
    /// transaction read, with its `rotatedAt` and `sealedSuccessor`, so the caller can tell a retry within the
    /// grace window from a replay (`RefreshRedemption.check`).
    case alreadyRevoked(RefreshToken)
    /// No refresh token has this hash; nothing was stored.
    case notFound
}

/// Authorization codes and the tokens issued from them.
public protocol GrantStore: Sendable {
    /// Inserts a new, unconsumed authorization code. Throws `.conflict` for a hash that exists and
    /// `.missingReference` when the client or the user does not exist.
    func saveAuthorizationCode(_ code: AuthorizationCode) throws(StoreError)
    /// Returns the code with `hash`, consumed or not, expired or not, or nil.
    func authorizationCode(hash: String) throws(StoreError) -> AuthorizationCode?
    /// Atomically marks the code consumed at `now` and stores `access` and `refresh`, but only if the code
    /// is still unconsumed. Under any number of concurrent calls for one code exactly one returns `.redeemed`,
    /// across processes too.
    func redeemAuthorizationCode(hash: String, at now: Int64, access: AccessToken, refresh: RefreshToken?)
        throws(StoreError) -> CodeRedemptionResult
    /// Returns the access token with `hash`, revoked or expired ones included, or nil.
    func accessToken(hash: String) throws(StoreError) -> AccessToken?
    /// Returns the access token with `hash` and the user it acts for, read in one query because every v5 API
    /// request needs both, or nil when no access token has this hash. Revoked and expired tokens are included.
    func accessTokenAndUser(hash: String) throws(StoreError) -> (token: AccessToken, user: User)?
    /// Returns the refresh token with `hash`, revoked or expired ones included, or nil.
    func refreshToken(hash: String) throws(StoreError) -> RefreshToken?
    /// Rotates the refresh token with `hash` at `now`, but only if it is neither revoked nor rotated yet.
    ///
    /// In one atomic step, the store sets the token's `revokedAt` and `rotatedAt` to `now` and its
    /// `sealedSuccessor` to `sealedSuccessor`, and inserts `access` and `refresh`. Under any number of concurrent
    /// calls for one token, across processes too, exactly one returns `.rotated`. Every other call stores nothing
    /// and returns `.alreadyRevoked` with the record as it was after the winner's commit, so it reads the winner's
    /// sealed successor. A failed insert stores nothing and leaves the token unrotated.
    func rotateRefreshToken(
        hash: String, at now: Int64, access: AccessToken, refresh: RefreshToken, sealedSuccessor: [UInt8]
    ) throws(StoreError) -> RefreshRotationResult
    /// Revokes, at `now`, every access and refresh token of `grantID` that is not revoked yet, and erases the
    /// sealed successor of each of the grant's refresh tokens, so no rotated token of a revoked family receives
    /// its successor again. Returns how many tokens it revoked. The whole step is atomic.
    func revokeGrant(_ grantID: String, at now: Int64) throws(StoreError) -> Int
    /// Revokes, at `now`, the access token with `hash` alone and returns true, or returns false when no access
    /// token has this hash or it was revoked already, which keeps its first revocation time.
    func revokeAccessToken(hash: String, at now: Int64) throws(StoreError) -> Bool
}

/// Browser sessions of the hub, stored so that every instance reads the same sign-ins.
public protocol SessionStore: Sendable {
    /// Inserts a session. Throws `.conflict` for an id hash that exists and `.missingReference` when its user
    /// does not exist.
    func createSession(_ session: BrowserSession) throws(StoreError)
    /// Returns the session with `idHash`, expired ones included, or nil.
    func session(idHash: String) throws(StoreError) -> BrowserSession?
    /// Deletes the session with `idHash`; deleting a missing session is not an error.
    func deleteSession(idHash: String) throws(StoreError)
}

/// Deletion of records that no longer work, for the cleanup pass of `doorman serve` and `doorman cleanup`.
public protocol CleanupStore: Sendable {
    /// Deletes records that stopped working at least `policy.retentionSeconds` before `now`, in write transactions
    /// of at most `policy.batchSize` rows each, and returns how many of each kind it deleted.
    ///
    /// A record stops working at its expiry or revocation, whichever comes first. The rules:
    /// - Authorization codes: by expiry, consumed or not. A consumed code is kept until then so that a replay
    ///   can still revoke its grant (RFC 6749 section 10.5).
    /// - Access tokens: on their own.
    /// - Refresh tokens: a whole family (grant) at once, when every token of it stopped working. Rotation
    ///   revokes the rotated token, so a family lives as long as its newest token, and its rotated tokens stay
    ///   for replay detection and the grace window as long as the family lives (RFC 9700 section 4.14.2).
    /// - Browser sessions: once expired, whatever the retention.
    ///
    /// Each batch commits on its own, so a failure part way keeps the batches before it deleted.
    func deleteExpiredRecords(at now: Int64, policy: CleanupPolicy) throws(StoreError) -> CleanupCounts
}
