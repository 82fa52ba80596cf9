import DoormanOAuth

/// The active browser session of a request, with the signed-in user when there is one.
struct PageSession: Sendable {
    /// The stored session.
    let record: BrowserSession
    /// The signed-in user, or nil for a visitor who has not signed in or whose user no longer exists.
    let user: User?

    /// The token that every form of this session carries in its `csrf_token` field.
    var csrfToken: String {
        record.csrfToken
    }
}
