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

    /// Creates settings: 5 seconds and 32,768 tokens by default.
    public init(tokenLifetimeSeconds: Int = 5, tokenCapacity: Int = 32_768) {
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.tokenCapacity = tokenCapacity
    }
}

/// A `DoormanStore` that serves repeated lookups of active access tokens from memory and forwards everything
/// else to the store it wraps.
///
/// Every v5 API request reads its access token and the token's user. This store keeps the result of
/// `accessTokenAndUser(hash:)` for an active token, keyed by the token's hash, until the earliest of the token's
/// expiry and `tokenLifetimeSeconds` after the read. Misses, revoked tokens and expired tokens are never kept.
///
/// A revocation through this store (`revokeGrant`, and `rotateRefreshToken`, which drops its grant's tokens to
/// be safe) removes the grant's tokens from memory before it returns, and a lookup that read the database before
/// that removal does not store its result. Revocations by another process, or written to the database by other
/// means, take effect here up to `tokenLifetimeSeconds` later.
public final class CachingStore: DoormanStore {
    /// The wrapped store, which contains the records.
    public let base: any DoormanStore
    private let tokens: ExpiringCache<CachedToken>?

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
        precondition(settings.tokenLifetimeSeconds >= 0, "token cache lifetime must not be negative")
        self.base = base
        tokens =
            settings.tokenLifetimeSeconds == 0
            ? nil
            : ExpiringCache(
                capacity: max(settings.tokenCapacity, Self.shardCount), shardCount: Self.shardCount,
                lifetimeMilliseconds: Int64(settings.tokenLifetimeSeconds) * 1000, now: now)
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

    /// Revokes the grant's tokens in the wrapped store, then drops them from memory.
    public func revokeGrant(_ grantID: String, at now: Int64) throws(StoreError) -> Int {
        // Dropping the entries only after the write is enough, because a lookup in flight meanwhile stores nothing.
        defer { forgetGrant(grantID) }
        return try base.revokeGrant(grantID, at: now)
    }

    /// Rotates the refresh token in the wrapped store, then drops the grant's access tokens from memory, so a
    /// rotation that also revokes older access tokens takes effect here at once.
    public func rotateRefreshToken(
        hash: String, at now: Int64, access: AccessToken, refresh: RefreshToken
    ) throws(StoreError) -> RefreshRotationResult {
        defer { forgetGrant(access.grantID) }
        return try base.rotateRefreshToken(hash: hash, at: now, access: access, refresh: refresh)
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
