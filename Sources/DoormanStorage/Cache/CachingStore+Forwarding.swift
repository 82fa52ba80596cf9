import DoormanOAuth

/// The methods that `CachingStore` passes to the wrapped store unchanged, because their results are not cached
/// and they change no cached record.
extension CachingStore {
    public func createUser(_ user: User) throws(StoreError) { try base.createUser(user) }
    public func user(id: String) throws(StoreError) -> User? { try base.user(id: id) }
    public func user(username: String) throws(StoreError) -> User? { try base.user(username: username) }

    public func createCompany(_ company: Company) throws(StoreError) { try base.createCompany(company) }
    public func company(id: String) throws(StoreError) -> Company? { try base.company(id: id) }
    public func companies(ownerUserID: String) throws(StoreError) -> [Company] {
        try base.companies(ownerUserID: ownerUserID)
    }
    public func createProduct(_ product: Product) throws(StoreError) { try base.createProduct(product) }
    public func product(id: String) throws(StoreError) -> Product? { try base.product(id: id) }
    public func products(companyID: String) throws(StoreError) -> [Product] { try base.products(companyID: companyID) }
    public func visibleProducts() throws(StoreError) -> [Product] { try base.visibleProducts() }
    public func createPlan(_ plan: Plan) throws(StoreError) { try base.createPlan(plan) }
    public func plan(id: String) throws(StoreError) -> Plan? { try base.plan(id: id) }
    public func plans(productID: String) throws(StoreError) -> [Plan] { try base.plans(productID: productID) }

    public func createMembership(_ membership: Membership) throws(StoreError) { try base.createMembership(membership) }
    public func membership(id: String) throws(StoreError) -> Membership? { try base.membership(id: id) }
    public func memberships(userID: String) throws(StoreError) -> [Membership] { try base.memberships(userID: userID) }
    public func memberships(productID: String) throws(StoreError) -> [Membership] {
        try base.memberships(productID: productID)
    }
    public func updateMembership(_ membership: Membership) throws(StoreError) -> Bool {
        try base.updateMembership(membership)
    }

    public func createWebApp(_ webApp: WebApp) throws(StoreError) { try base.createWebApp(webApp) }
    public func webApp(id: String) throws(StoreError) -> WebApp? { try base.webApp(id: id) }
    public func webApps(companyID: String) throws(StoreError) -> [WebApp] { try base.webApps(companyID: companyID) }
    public func webApps(productID: String) throws(StoreError) -> [WebApp] { try base.webApps(productID: productID) }
    public func consent(userID: String, clientID: String) throws(StoreError) -> Consent? {
        try base.consent(userID: userID, clientID: clientID)
    }
    public func saveConsent(_ consent: Consent) throws(StoreError) { try base.saveConsent(consent) }

    public func saveAuthorizationCode(_ code: AuthorizationCode) throws(StoreError) {
        try base.saveAuthorizationCode(code)
    }
    public func authorizationCode(hash: String) throws(StoreError) -> AuthorizationCode? {
        try base.authorizationCode(hash: hash)
    }
    public func redeemAuthorizationCode(
        hash: String, at now: Int64, access: AccessToken, refresh: RefreshToken?
    ) throws(StoreError) -> CodeRedemptionResult {
        try base.redeemAuthorizationCode(hash: hash, at: now, access: access, refresh: refresh)
    }
    public func refreshToken(hash: String) throws(StoreError) -> RefreshToken? { try base.refreshToken(hash: hash) }

    public func createSession(_ session: BrowserSession) throws(StoreError) { try base.createSession(session) }
    public func session(idHash: String) throws(StoreError) -> BrowserSession? { try base.session(idHash: idHash) }
    public func deleteSession(idHash: String) throws(StoreError) { try base.deleteSession(idHash: idHash) }

    public func deleteExpiredRecords(at now: Int64, policy: CleanupPolicy) throws(StoreError) -> CleanupCounts {
        try base.deleteExpiredRecords(at: now, policy: policy)
    }

    public func addRateLimitHits(_ cost: Int, key: String, window: Int64, at now: Int64) throws(StoreError)
        -> RateLimitCounter
    {
        try base.addRateLimitHits(cost, key: key, window: window, at: now)
    }
    public func rateLimitCounter(key: String, at now: Int64) throws(StoreError) -> RateLimitCounter? {
        try base.rateLimitCounter(key: key, at: now)
    }
    public func resetRateLimit(key: String) throws(StoreError) { try base.resetRateLimit(key: key) }
    public func purgeRateLimits(endedBy cutoff: Int64) throws(StoreError) -> Int {
        try base.purgeRateLimits(endedBy: cutoff)
    }
}

extension CachingStore: StoreReadiness {
    /// Returns the wrapped store's readiness; nothing about readiness is cached.
    ///
    /// Throws `StoreError.failure` when the wrapped store cannot check its readiness.
    public func readiness() throws(StoreError) -> Readiness {
        guard let base = base as? any StoreReadiness else {
            throw .failure("the wrapped store \(type(of: base)) does not check its readiness")
        }
        return try base.readiness()
    }
}
