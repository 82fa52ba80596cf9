import DoormanOAuth

/// Runs `body` and returns the OAuth error it threw, or nil when it returned normally or threw another type.
func oauthError<Value>(_ body: () throws -> Value) -> OAuthError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? OAuthError
    }
}
