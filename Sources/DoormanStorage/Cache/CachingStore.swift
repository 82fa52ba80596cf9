import DoormanOAuth

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings of `CachingStore`.
public struct StoreCacheSettings: Sendable, Equatable {
    /// How long an active access token and its user are served from memory after they were read, in whole
    /// seconds. 0 turns the cache off. Another process's revocation reaches this process within this time.
    public var tokenLifetimeSeconds: Int
    /// Maximum number of access tokens kept in memory. Each costs an estimated 1 KiB with its user.
    public var tokenCapacity: Int
    /// How long a web app found by `client_id` is served from memory after it was read, in whole seconds. 0 turns
    /// this cache off. A client secret replaced by another process takes effect here within this time.
    public var clientLifetimeSeconds: Int
    /// Maximum number of web apps kept in memory.
    public var clientCapacity: Int

    /// Creates settings: 5 seconds and 32,768 tokens, 5 seconds and 1,024 web apps by default.
    public init(
        tokenLifetimeSeconds: Int = 5, tokenCapacity: Int = 32_768, clientLifetimeSeconds: Int = 5,
        clientCapacity: Int = 1_024
    ) {
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.tokenCapacity = tokenCapacity
        self.clientLifetimeSeconds = clientLifetimeSeconds
        self.clientCapacity = clientCapacity
    }
}

/// A `DoormanStore` that serves repeated lookups of active access tokens and of web apps by `client_id` from
/// memory and forwards everything else to the store it wraps.
///
/// Every v5 API request reads its access token and the token's user. This store keeps the result of
/// `accessTokenAndUser(hash:)` for an active token, keyed by the token's hash, until the earliest of the token's
/// expiry and `tokenLifetimeSeconds` after the read. Misses, revoked tokens and expired tokens are never kept.
///
/// A revocation through this store (`revokeGrant`, and `rotateRefreshToken`, which drops its grant's tokens to
/// be safe) removes the grant's tokens from memory before it returns, and a lookup that read the database before
/// that removal does not store its result. Revocations by another process, or written to the database by other
/// means, take effect here up to `tokenLifetimeSeconds` later.
///
/// The token endpoint reads its client with `webApp(clientID:)` on every request. This store keeps a web app
/// found that way for `clientLifetimeSeconds`, and `setClientSecretHash` through it drops the web app at once.
/// A secret replaced by another process, such as `doorman webapp rotate-secret`, takes effect here up to
/// `clientLifetimeSeconds` later: until then the old secret still authenticates and the new one does not.
public final class CachingStore: DoormanStore {
    /// The wrapped store, which contains the records.
    public let base: any DoormanStore
    private let tokens: ExpiringCache<CachedToken>?
    private let clients: ExpiringCache<WebApp>?

    private struct CachedToken: Sendable {
        let token: AccessToken
        let user: User
    }

    /// Number of shards of the token cache, each with its own mutex, chosen above the usual worker thread count.
    static let shardCount = 16

    /// Wraps `base` with the caches of `settings`. `now` returns Unix milliseconds, and tests pass a clock of their own.
    public init(
        wrapping base: any DoormanStore, settings: StoreCacheSettings = StoreCacheSettings(),
        now: @escaping @Sendable () -> Int64 = CachingStore.unixMilliseconds
    ) {
        self.base = base
        tokens = Self.makeCache(
            lifetimeSeconds: settings.tokenLifetimeSeconds, capacity: settings.tokenCapacity, now: now)
        clients = Self.makeCache(
            lifetimeSeconds: settings.clientLifetimeSeconds, capacity: settings.clientCapacity, now: now)
    }

    private static func makeCache<Value>(
        lifetimeSeconds: Int, capacity: Int, now: @escaping @Sendable () -> Int64
    ) -> ExpiringCache<Value>? {
        precondition(lifetimeSeconds >= 0, "cache lifetime must not be negative, got \(lifetimeSeconds) s")
        guard lifetimeSeconds > 0 else {
            return nil
        }
        return ExpiringCache(
            capacity: max(capacity, shardCount), shardCount: shardCount,
            lifetimeMilliseconds: Int64(lifetimeSeconds) * 1000, now: now)
    }

    /// Number of access tokens held in memory, for tests and diagnostics.
    public var cachedTokenCount: Int {
        tokens?.count ?? 0
    }

    /// Returns the wall clock in Unix milliseconds.
    @Sendable public static func unixMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    /// Returns the access token with `hash` and its user, from memory when an earlier call read it active.
    public func accessTokenAndUser(hash: String) throws(StoreError) -> (token: AccessToken, user: User)? {
        guard let tokens else {
            return try base.accessTokenAndUser(hash: hash)
        }
        switch tokens.lookup(hash) {
        case .hit(let cached):
            return (cached.token, cached.user)
        case .miss(let ticket):
            let found = try base.accessTokenAndUser(hash: hash)
            // A revoked token stays revoked, so only active ones are worth keeping. Expiry bounds the entry below.
            if let found, found.token.revokedAt == nil {
                tokens.insert(
                    CachedToken(token: found.token, user: found.user), forKey: hash,
                    deadline: found.token.expiresAt * 1000, ticket: ticket)
            }
            return found
        }
    }

    /// Returns the access token with `hash`, from memory when `accessTokenAndUser` read it active before.
    public func accessToken(hash: String) throws(StoreError) -> AccessToken? {
        if case .hit(let cached) = tokens?.lookup(hash) {
            return cached.token
        }
        return try base.accessToken(hash: hash)
    }

    /// Returns the web app whose `client_id` is `clientID`, from memory when an earlier call found it.
    public func webApp(clientID: String) throws(StoreError) -> WebApp? {
        guard let clients else {
            return try base.webApp(clientID: clientID)
        }
        switch clients.lookup(clientID) {
        case .hit(let webApp):
            return webApp
        case .miss(let ticket):
            let found = try base.webApp(clientID: clientID)
            if let found {
                clients.insert(found, forKey: clientID, deadline: .max, ticket: ticket)
            }
            return found
        }
    }

    /// Replaces the client secret hash in the wrapped store, then drops the web app from memory.
    public func setClientSecretHash(_ hash: String?, webAppID id: String) throws(StoreError) -> Bool {
        defer { clients?.removeAll { $0.id.utf8.elementsEqual(id.utf8) } }
        return try base.setClientSecretHash(hash, webAppID: id)
    }

    /// Revokes the grant's tokens in the wrapped store, then drops them from memory.
    public func revokeGrant(_ grantID: String, at now: Int64) throws(StoreError) -> Int {
        // Dropping the entries only after the write is enough, because a lookup in flight meanwhile stores nothing.
        defer { forgetGrant(grantID) }
        return try base.revokeGrant(grantID, at: now)
    }

    /// Rotates the refresh token in the wrapped store, then drops the grant's access tokens from memory, so a
    /// rotation that also revokes older access tokens takes effect here at once.
    public func rotateRefreshToken(
        hash: String, at now: Int64, access: AccessToken, refresh: RefreshToken, sealedSuccessor: [UInt8]
    ) throws(StoreError) -> RefreshRotationResult {
        defer { forgetGrant(access.grantID) }
        return try base.rotateRefreshToken(
            hash: hash, at: now, access: access, refresh: refresh, sealedSuccessor: sealedSuccessor)
    }

    /// Revokes one access token in the wrapped store, then drops it from memory.
    public func revokeAccessToken(hash: String, at now: Int64) throws(StoreError) -> Bool {
        defer { forgetAccessToken(hash: hash) }
        return try base.revokeAccessToken(hash: hash, at: now)
    }

    /// Changes the web app's PKCE requirement in the wrapped store, then drops the web app from memory.
    public func setRequirePKCE(_ requirePKCE: Bool, webAppID id: String) throws(StoreError) -> Bool {
        defer { clients?.removeAll { $0.id.utf8.elementsEqual(id.utf8) } }
        return try base.setRequirePKCE(requirePKCE, webAppID: id)
    }

    /// Removes the access tokens of `grantID` from memory, and keeps lookups in flight from storing them again.
    public func forgetGrant(_ grantID: String) {
        tokens?.removeAll { $0.token.grantID.utf8.elementsEqual(grantID.utf8) }
    }

    /// Removes the access token with `hash` from memory. A method that revokes one token calls it after the
    /// revocation is written.
    public func forgetAccessToken(hash: String) {
        tokens?.removeValue(forKey: hash)
    }
}
