import DoormanHTTP
import DoormanOAuth

/// `GET /.well-known/oauth-authorization-server`: the authorization server metadata (RFC 8414 section 3).
///
/// The document advertises only what the endpoints do, and tests hold it to that:
/// - `issuer` is the public URL, which has no path, so the well-known path needs no issuer suffix
///   (RFC 8414 section 3.1);
/// - the authorization, token, revocation and introspection endpoints as absolute URLs on the public URL;
/// - `response_types_supported` `["code"]` and `response_modes_supported` `["query"]`, because the default of an
///   absent `response_modes_supported` would claim `fragment` too;
/// - `grant_types_supported`: `authorization_code` and `refresh_token`;
/// - the client authentication methods of each endpoint: `client_secret_basic`, `client_secret_post` and, for
///   public clients, `none` at the token and revocation endpoints; introspection requires a secret;
/// - `code_challenge_methods_supported`: `S256`, and `plain` only when `OAuthSettings.allowPlainPKCE` is on
///   (RFC 7636 section 7.2);
/// - `scopes_supported`: every scope that `Scope.parse` accepts.
struct MetadataEndpoint: Sendable {
    /// The well-known path of the document.
    static let path = "/.well-known/oauth-authorization-server"

    let context: WebContext

    /// Returns the metadata document as JSON, in the order of RFC 8414 section 2.
    func respond(to request: Request) -> Response {
        var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        // The document changes only when the operator changes the settings, so caches may keep it briefly.
        headers.add(name: "Cache-Control", value: "max-age=300")
        return Response(status: .ok, headers: headers, body: JSONValue.object(document).serialized())
    }

    /// The metadata members in order.
    var document: JSONObject {
        let url = context.publicURL
        let withSecret = [ClientAuthenticationMethod.clientSecretBasic, .clientSecretPost].map(\.rawValue)
        let withPublicClients = withSecret + [ClientAuthenticationMethod.none.rawValue]
        var challengeMethods = [PKCE.Method.s256.rawValue]
        if context.settings.allowPlainPKCE {
            challengeMethods.append(PKCE.Method.plain.rawValue)
        }

        var document = JSONObject()
        document["issuer"] = .string(url.value)
        document["authorization_endpoint"] = .string(url.absolute(AuthorizeRoutes.path))
        document["token_endpoint"] = .string(url.absolute(APIRoutes.tokenPaths[0]))
        document["scopes_supported"] = strings(Scope.Token.allCases.map(\.rawValue).sorted())
        document["response_types_supported"] = strings(["code"])
        document["response_modes_supported"] = strings(["query"])
        document["grant_types_supported"] = strings(["authorization_code", "refresh_token"])
        document["token_endpoint_auth_methods_supported"] = strings(withPublicClients)
        document["revocation_endpoint"] = .string(url.absolute(RevocationEndpoint.paths[0]))
        document["revocation_endpoint_auth_methods_supported"] = strings(withPublicClients)
        document["introspection_endpoint"] = .string(url.absolute(IntrospectionEndpoint.path))
        document["introspection_endpoint_auth_methods_supported"] = strings(withSecret)
        document["code_challenge_methods_supported"] = strings(challengeMethods)
        return document
    }

    private func strings(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }
}
