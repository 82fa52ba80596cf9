import DoormanHTTP
import DoormanOAuth

/// Finds, creates, rotates and ends browser sessions.
///
/// The cookie holds a 256-bit random id and the store keeps only `TokenHash.of(id)`, so every instance that
/// shares the store sees the same sessions and nothing lives only in one process's memory.
struct SessionManager: Sendable {
    let context: WebContext

    /// Returns the request's session, or nil when there is no cookie, no such session, or it has expired.
    ///
    /// An expired session is deleted when it is found, so that it cannot come back.
    func current(_ request: Request) throws(StoreError) -> PageSession? {
        guard let id = SessionCookie.sessionID(in: request) else {
            return nil
        }
        let idHash = TokenHash.of(id)
        guard let record = try context.store.session(idHash: idHash) else {
            return nil
        }
        guard record.isActive(at: context.now()) else {
            try context.store.deleteSession(idHash: idHash)
            return nil
        }

        let user = try record.userID.flatMap { (userID) throws(StoreError) in try context.store.user(id: userID) }
        return PageSession(record: record, user: user)
    }

    /// Returns the request's session, or a new session for a visitor with the `Set-Cookie` value to send.
    ///
    /// Forms need a session before sign-in, because their CSRF token lives in it.
    ///
    /// NOTE: every visitor who opens the sign-in form adds a stored session, kept for the full session lifetime.
    /// `SessionStore` has no purge of expired sessions yet, so the table grows until one is added.
    func currentOrNew(_ request: Request) throws(StoreError) -> (session: PageSession, setCookie: String?) {
        if let session = try current(request) {
            return (session, nil)
        }
        return try create(userID: nil)
    }

    /// Starts a signed-in session for `user` under a new id and deletes `previous`.
    ///
    /// The new id defeats session fixation: an id that an attacker planted before sign-in is deleted, not
    /// promoted. The CSRF token is new too.
    func signIn(_ user: User, replacing previous: PageSession?) throws(StoreError)
        -> (session: PageSession, setCookie: String)
    {
        if let previous {
            try context.store.deleteSession(idHash: previous.record.idHash)
        }
        let (session, setCookie) = try create(userID: user.id)
        return (PageSession(record: session.record, user: user), setCookie)
    }

    /// Deletes `session` and returns the `Set-Cookie` value that clears the cookie.
    func signOut(_ session: PageSession) throws(StoreError) -> String {
        try context.store.deleteSession(idHash: session.record.idHash)
        return SessionCookie.clearing(secure: context.settings.secureCookies)
    }

    private func create(userID: String?) throws(StoreError) -> (session: PageSession, setCookie: String) {
        let id = context.random.token()
        let now = context.now()
        let lifetime = context.settings.sessionLifetime
        let record = BrowserSession(
            idHash: TokenHash.of(id), userID: userID, csrfToken: context.random.token(), createdAt: now,
            expiresAt: now + lifetime)
        try context.store.createSession(record)

        let setCookie = SessionCookie.setting(id, lifetime: lifetime, secure: context.settings.secureCookies)
        return (PageSession(record: record, user: nil), setCookie)
    }
}
