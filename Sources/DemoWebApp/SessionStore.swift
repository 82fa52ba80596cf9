import DoormanClient
import Foundation
import Synchronization

/// A session entry with an end.
protocol Expiring {
    /// When the entry stops being valid.
    var expiresAt: Date { get }
}

/// A sign-in that started at this app's `POST /login`: the `state` and PKCE verifier the callback needs.
struct PendingSignIn: Sendable, Expiring {
    let request: AuthorizationRequest
    let expiresAt: Date
}

/// A signed-in user: the tokens from Doorman and the user they belong to.
struct MemberSession: Sendable, Expiring {
    var tokens: TokenSet
    let user: User
    let expiresAt: Date
}

/// The app's server-side sessions, in memory, keyed by the random ids that the cookies carry.
///
/// Cookies hold only the ids, so tokens, the PKCE verifier and the `state` never reach the browser. The
/// sessions are lost when the process stops, which signs everyone out of the app, not out of Doorman.
final class SessionStore: Sendable {
    /// Lifetime of a pending sign-in: 10 minutes, as long as Doorman's authorization codes live.
    static let pendingLifetime: TimeInterval = 600
    /// Lifetime of a signed-in session: 12 hours.
    static let memberLifetime: TimeInterval = 12 * 3600
    /// Most sessions of each kind kept at once, so that anonymous `POST /login` requests cannot fill memory.
    static let maximumCount = 10_000

    private struct State {
        var pending: [String: PendingSignIn] = [:]
        var members: [String: MemberSession] = [:]
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> Date

    /// Creates an empty store that reads the time from `now`.
    init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// Stores `request` under a new id and returns the id.
    func startSignIn(_ request: AuthorizationRequest) -> String {
        let id = SessionID.make()
        let time = now()
        let pending = PendingSignIn(request: request, expiresAt: time.addingTimeInterval(Self.pendingLifetime))
        state.withLock { state in
            Self.makeRoom(in: &state.pending, at: time)
            state.pending[id] = pending
        }
        return id
    }

    /// Removes and returns the pending sign-in stored under `id`, or nil when there is none or it expired.
    ///
    /// Taking it out makes each `state` usable once, whether the callback then succeeds or not.
    func takeSignIn(_ id: String) -> PendingSignIn? {
        let time = now()
        guard let pending = state.withLock({ $0.pending.removeValue(forKey: id) }), pending.expiresAt > time else {
            return nil
        }
        return pending
    }

    /// Stores a signed-in session under a new id and returns the id.
    func signIn(user: User, tokens: TokenSet) -> String {
        let id = SessionID.make()
        let time = now()
        let session = MemberSession(tokens: tokens, user: user, expiresAt: time.addingTimeInterval(Self.memberLifetime))
        state.withLock { state in
            Self.makeRoom(in: &state.members, at: time)
            state.members[id] = session
        }
        return id
    }

    /// Returns the signed-in session stored under `id`, or nil when there is none or it expired.
    func member(_ id: String) -> MemberSession? {
        let time = now()
        return state.withLock { state in
            guard let session = state.members[id] else {
                return nil
            }
            guard session.expiresAt > time else {
                state.members[id] = nil
                return nil
            }
            return session
        }
    }

    /// Replaces the tokens of the session `id` after a refresh; does nothing when the session has ended.
    func updateTokens(_ id: String, tokens: TokenSet) {
        state.withLock { state in
            state.members[id]?.tokens = tokens
        }
    }

    /// Ends the signed-in session `id`, if there is one.
    func signOut(_ id: String) {
        state.withLock { state in
            state.members[id] = nil
        }
    }

    /// Removes expired entries, then the ones closest to expiry while the dictionary is full.
    private static func makeRoom<Value: Expiring>(in entries: inout [String: Value], at time: Date) {
        guard entries.count >= maximumCount else {
            return
        }

        entries = entries.filter { $0.value.expiresAt > time }
        while entries.count >= maximumCount, let oldest = entries.min(by: { $0.value.expiresAt < $1.value.expiresAt }) {
            entries[oldest.key] = nil
        }
    }
}
