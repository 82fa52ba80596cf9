import DoormanHTTP

/// The routes that web apps call: the token, revocation and introspection endpoints, the authorization server
/// metadata, the v5 API and the access check.
///
/// The v5 API is served under both `/v5/...` and `/api/v5/...`, as Whop's does. A path that no route has gets the
/// router's 404 `{"message":"Route <path> not found"}`, and a known path with another method gets 405 with `Allow`.
public enum APIRoutes {
    /// The token endpoint paths. Each accepts only POST (RFC 6749 section 3.2).
    static let tokenPaths = ["/v5/oauth/token", "/api/v5/oauth/token", "/oauth/token"]

    /// The path prefixes of the v5 API.
    static let versionPrefixes = ["/v5", "/api/v5"]

    /// Adds the OAuth endpoints, the metadata, the `/v5/me` routes and `GET /check/:access_expression` to `router`.
    ///
    /// The OAuth endpoints accept POST alone. None of them sends `Access-Control-*` fields, so a browser's CORS
    /// preflight, an OPTIONS request that gets 405, grants no other origin access to them.
    public static func register(on router: inout Router, context: WebContext) {
        let tokenEndpoint = TokenEndpoint(context: context)
        for path in tokenPaths {
            router.post(path) { request in tokenEndpoint.respond(to: request) }
        }
        let revocationEndpoint = RevocationEndpoint(context: context)
        for path in RevocationEndpoint.paths {
            router.post(path) { request in revocationEndpoint.respond(to: request) }
        }
        let introspectionEndpoint = IntrospectionEndpoint(context: context)
        router.post(IntrospectionEndpoint.path) { request in introspectionEndpoint.respond(to: request) }
        let metadataEndpoint = MetadataEndpoint(context: context)
        router.get(MetadataEndpoint.path) { request in metadataEndpoint.respond(to: request) }

        let resources = ResourceEndpoints(context: context)
        for prefix in versionPrefixes {
            router.get(prefix + "/me") { request in resources.me(request) }
            router.get(prefix + "/me/memberships") { request in resources.memberships(request) }
            router.get(prefix + "/me/memberships/:id") { request in resources.membership(request) }
            router.get(prefix + "/me/products") { request in resources.products(request) }
            router.get(prefix + "/me/products/:id") { request in resources.product(request) }
        }

        let checkEndpoint = CheckEndpoint(context: context)
        router.get("/check/:access_expression") { request in checkEndpoint.check(request) }
    }
}
