import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Signs users in with the authorization code flow and reads their account and memberships.
///
/// One client serves every user of a web app: it keeps no per-user state except the refreshes in flight,
/// so create it once and share it. Every method throws `DoormanClientError` and nothing else.
public final class OAuthClient: Sendable {
    /// The web app's registration and the provider's endpoints.
    public let configuration: OAuthConfiguration
    let transport: any HTTPTransport
    let refreshes = RefreshCoalescer()

    /// Creates a client. `transport` defaults to a `URLSessionTransport` with no cache and no cookies.
    public init(configuration: OAuthConfiguration, transport: any HTTPTransport = URLSessionTransport()) {
        self.configuration = configuration
        self.transport = transport
    }

    /// Makes the URL that starts sign-in, with a new PKCE verifier and, unless `state` is given, a new `state`,
    /// both from the system's cryptographically secure generator.
    ///
    /// `scope` is sent as is, scopes separated by spaces; nil sends none, which the provider reads as `api`.
    public func makeAuthorizationRequest(scope: String? = nil, state: String? = nil) -> AuthorizationRequest {
        var generator = SystemRandomNumberGenerator()
        return makeAuthorizationRequest(scope: scope, state: state, using: &generator)
    }

    /// Makes the URL that starts sign-in, drawing the verifier and any missing `state` from `generator`, which
    /// must be cryptographically secure outside of tests.
    public func makeAuthorizationRequest(
        scope: String? = nil, state: String? = nil, using generator: inout some RandomNumberGenerator
    ) -> AuthorizationRequest {
        AuthorizationURLBuilder.make(configuration: configuration, scope: scope, state: state, using: &generator)
    }

    /// Exchanges the `code` of the callback URL for tokens (RFC 6749 section 4.1.3).
    ///
    /// Pass the `codeVerifier` of the `AuthorizationRequest` that started sign-in. A code from a launch on the
    /// hub came without an authorization request, so pass nil for it.
    public func exchange(code: String, codeVerifier: String?) async throws(DoormanClientError) -> TokenSet {
        let body = TokenRequestBody(
            grantType: "authorization_code", code: code, refreshToken: nil, clientID: configuration.clientID,
            clientSecret: configuration.clientSecret, redirectURI: configuration.redirectURI,
            codeVerifier: codeVerifier)
        return try await requestTokens(body)
    }

    /// Exchanges `refreshToken` for new tokens (RFC 6749 section 6).
    ///
    /// Concurrent calls with the same refresh token share one request and all get its result or its error,
    /// because a provider that rotates refresh tokens accepts each one only once. Once that request finishes,
    /// the next call sends a new request.
    public func refresh(_ refreshToken: String) async throws(DoormanClientError) -> TokenSet {
        let body = TokenRequestBody(
            grantType: "refresh_token", code: nil, refreshToken: refreshToken, clientID: configuration.clientID,
            clientSecret: configuration.clientSecret, redirectURI: nil, codeVerifier: nil)
        return try await refreshes.run(key: refreshToken) { () async throws(DoormanClientError) -> TokenSet in
            try await self.requestTokens(body)
        }
    }

    /// Reads the signed-in user: `GET /v5/me`.
    public func me(accessToken: String) async throws(DoormanClientError) -> User {
        try await get(["v5", "me"], accessToken: accessToken)
    }

    /// Reads one page of the user's memberships: `GET /v5/me/memberships`.
    ///
    /// Every nil or empty argument is left out, so the provider's default applies: only valid memberships,
    /// page 1, 10 per page. `perPage` is sent as `per`, which the provider caps at 50, and each status as a
    /// repeated `statuses[]`.
    public func memberships(
        accessToken: String, productID: String? = nil, companyID: String? = nil, valid: Bool? = nil,
        statuses: [MembershipStatus] = [], page: Int? = nil, perPage: Int? = nil
    ) async throws(DoormanClientError) -> MembershipPage {
        var query: [(String, String)] = []
        if let companyID {
            query.append(("company_id", companyID))
        }
        if let productID {
            query.append(("product_id", productID))
        }
        if let valid {
            query.append(("valid", valid ? "true" : "false"))
        }

        query += statuses.map { ("statuses[]", $0.rawValue) }
        if let page {
            query.append(("page", String(page)))
        }
        if let perPage {
            query.append(("per", String(perPage)))
        }
        return try await get(["v5", "me", "memberships"], query: query, accessToken: accessToken)
    }

    /// Reads one of the user's memberships: `GET /v5/me/memberships/{id}`.
    public func membership(id: String, accessToken: String) async throws(DoormanClientError) -> Membership {
        try await get(["v5", "me", "memberships", id], accessToken: accessToken)
    }

    /// Checks whether the user has access to `expression`, a `prod_…` product or an `exp_…` web app:
    /// `GET /check/{expression}`, which returns `{"access": true}` or `{"access": false}`.
    public func checkAccess(_ expression: String, accessToken: String) async throws(DoormanClientError) -> Bool {
        let answer: AccessAnswer = try await get(["check", expression], accessToken: accessToken)
        return answer.access
    }
}

/// The body of `GET /check/{expression}`.
struct AccessAnswer: Decodable {
    let access: Bool
}
