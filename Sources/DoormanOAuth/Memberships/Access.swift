/// The rules that decide which user may use which product and web app.
public enum Access {
    /// Returns whether a user may use `webApp` at `now`, in Unix seconds: some membership of the user
    /// is valid and is for one of the products the web app serves.
    ///
    /// `memberships` must be the user's own memberships, because this function does not know the user.
    public static func userMayUse(webApp: WebApp, memberships: [Membership], at now: Int64) -> Bool {
        memberships.contains { membership in
            webApp.productIDs.contains(membership.productID) && membership.isValid(at: now)
        }
    }

    /// Returns whether the user's `memberships` include a valid one for `productID` at `now`, in Unix seconds.
    public static func userHasProduct(_ productID: String, memberships: [Membership], at now: Int64) -> Bool {
        memberships.contains { membership in
            membership.productID == productID && membership.isValid(at: now)
        }
    }
}
