/// A user's standing approval that a web app may access the user's data with some scope.
public struct Consent: Sendable, Hashable {
    /// The `user_…` identifier of the user who approved.
    public var userID: String
    /// The `client_id` of the web app approved.
    public var clientID: String
    /// The scope approved.
    public var scope: Scope
    /// Approval time in Unix seconds.
    public var grantedAt: Int64

    /// Creates a consent record.
    public init(userID: String, clientID: String, scope: Scope, grantedAt: Int64) {
        self.userID = userID
        self.clientID = clientID
        self.scope = scope
        self.grantedAt = grantedAt
    }

    /// Returns whether this consent already approves `requested` for the same user and client,
    /// so the consent page can be skipped.
    public func covers(_ requested: Scope, userID: String, clientID: String) -> Bool {
        self.userID == userID && self.clientID == clientID && requested.isSubset(of: scope)
    }
}
