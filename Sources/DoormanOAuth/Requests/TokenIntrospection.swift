/// The response of token introspection (RFC 7662 section 2.2).
public enum TokenIntrospection {
    /// The whole response for a token that is inactive, unknown or issued to another client.
    ///
    /// RFC 7662 section 2.2 allows nothing more, so the response reveals nothing about why the token is inactive.
    public static let inactive: [(name: String, value: FieldValue)] = [("active", .boolean(false))]

    /// Returns the JSON fields that describe `token` to `caller` at `now`, in Unix seconds.
    ///
    /// - Parameters:
    ///   - token: The record found for the request's token, or nil.
    ///   - user: The user whose id is `token.userID`, or nil when none was found.
    ///   - caller: The authenticated client that sent the request.
    ///
    /// The token is active when it exists, was issued to `caller`, is neither revoked nor expired, and its user
    /// exists. The fields of an active token, in order: `active`, `scope`, `client_id`, `username`, `sub` (the
    /// user id), `token_type` (`access_token` or `refresh_token`, the type of the token itself), `exp` and `iat`
    /// in Unix seconds. Any other token gets `inactive`.
    public static func fields(
        for token: FoundToken?, user: User?, caller: WebApp, at now: Int64
    ) -> [(name: String, value: FieldValue)] {
        guard let token, token.belongs(to: caller), token.isActive(at: now), let user,
            user.id.utf8.elementsEqual(token.userID.utf8)
        else {
            return inactive
        }

        return [
            ("active", .boolean(true)),
            ("scope", .string(token.scope.description)),
            ("client_id", .string(token.clientID)),
            ("username", .string(user.username)),
            ("sub", .string(user.id)),
            ("token_type", .string(token.type.rawValue)),
            ("exp", .integer(token.expiresAt)),
            ("iat", .integer(token.createdAt)),
        ]
    }
}
