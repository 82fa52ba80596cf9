import DoormanHTTP
import DoormanOAuth

/// The per-address and per-client rate limits of the endpoints where a client authenticates: token, revocation
/// and introspection.
///
/// RFC 6749 section 2.3.1 requires protection against brute force wherever a client password is checked. The three
/// endpoints check the same secrets, so they count against the same `token.address` and `token.client` counters:
/// a guess at one endpoint uses up the guesses at the others.
struct ClientAuthenticationLimits: Sendable {
    let context: WebContext

    /// Returns the 429 response when the request's client address is over `--token-limit-per-address`, or nil.
    /// Call it before the body is read.
    func checkAddress(of request: Request) throws(StoreError) -> Response? {
        try check(
            context.settings.rateLimits.tokenPerAddress,
            key: RateLimitKey.tokenAddress(RateLimitAddress.group(request.clientAddress)), name: "token.address")
    }

    /// Returns the 429 response when `clientID` is over `--token-limit-per-client`, or nil. Call it before the
    /// client's secret is checked, so that guessing one client's secret is limited too.
    func checkClient(_ clientID: String) throws(StoreError) -> Response? {
        try check(
            context.settings.rateLimits.tokenPerClient, key: RateLimitKey.tokenClient(clientID), name: "token.client")
    }

    /// Returns the 429 response when the request is over `rule`, or nil. A nil rule is a limit that is off.
    ///
    /// - Parameter key: built only when the rule is on, because it costs a SHA-256.
    private func check(
        _ rule: RateLimit?, key: @autoclosure () -> String, name: String
    ) throws(StoreError) -> Response? {
        guard let rule else {
            return nil
        }
        let verdict = try context.rateLimiter.check(rule, key: key(), name: name, at: context.now())
        guard case .limited(let retryAfter) = verdict else {
            return nil
        }
        return RateLimitResponse.api(retryAfter: retryAfter)
    }
}
