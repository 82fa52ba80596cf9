import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

@Suite("Authorization server metadata", .serialized)
struct MetadataEndpointTests {
    @Test func documentAdvertisesWhatWorks() async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get("/.well-known/oauth-authorization-server", token: nil)

            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
            let expected = """
                {"issuer":"https://doorman.example",\
                "authorization_endpoint":"https://doorman.example/oauth/authorize",\
                "token_endpoint":"https://doorman.example/v5/oauth/token",\
                "scopes_supported":["api","openid","read_user","user"],\
                "response_types_supported":["code"],"response_modes_supported":["query"],\
                "grant_types_supported":["authorization_code","refresh_token"],\
                "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post","none"],\
                "revocation_endpoint":"https://doorman.example/oauth/revoke",\
                "revocation_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post","none"],\
                "introspection_endpoint":"https://doorman.example/oauth/introspect",\
                "introspection_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"],\
                "code_challenge_methods_supported":["S256"]}
                """
            #expect(reply.text == expected)
        }
    }

    /// The document's endpoints and the authentication methods each advertises.
    static let advertised = [
        ("token_endpoint", "token_endpoint_auth_methods_supported"),
        ("revocation_endpoint", "revocation_endpoint_auth_methods_supported"),
        ("introspection_endpoint", "introspection_endpoint_auth_methods_supported"),
    ]

    @Test func everyAdvertisedMethodAuthenticates() async throws {
        try await APIFixture.run { fixture in
            var publicApp = fixture.otherWebApp
            publicApp.id = "exp_public"
            publicApp.clientID = "app_public"
            publicApp.clientSecretHash = nil
            try fixture.store.createWebApp(publicApp)
            let document = try await fixture.client.get("/.well-known/oauth-authorization-server", token: nil).json

            for (endpointKey, methodsKey) in Self.advertised {
                let url = try #require(document[endpointKey]?.stringValue)
                let path = String(url.trimmingPrefix(APIFixture.publicURL))
                let values = try #require(document[methodsKey]?.arrayValue)
                let methods = values.compactMap(\.stringValue)
                #expect(!methods.isEmpty, "\(methodsKey)")
                for method in methods {
                    let reply = try await Self.send(fixture, path: path, method: method)
                    #expect(reply.status != 404, "\(path) \(method)")
                    #expect(reply.oauthError != "invalid_client", "\(path) \(method): \(reply.text)")
                }
            }
        }
    }

    @Test func introspectionRejectsUnadvertisedNone() async throws {
        try await APIFixture.run { fixture in
            var publicApp = fixture.otherWebApp
            publicApp.id = "exp_public"
            publicApp.clientID = "app_public"
            publicApp.clientSecretHash = nil
            try fixture.store.createWebApp(publicApp)

            let reply = try await Self.send(fixture, path: "/oauth/introspect", method: "none")

            #expect(reply.status == 401)
            #expect(reply.oauthError == "invalid_client")
        }
    }

    /// Sends a request that passes every rule but the token's own checks, authenticated with `method`.
    private static func send(_ fixture: APIFixture, path: String, method: String) async throws
        -> TestConnection.Reply
    {
        let parameters =
            path.hasSuffix("/token")
            ? [("grant_type", "refresh_token"), ("refresh_token", "unknown")] : [("token", "unknown")]
        switch method {
        case "client_secret_basic":
            let header = basicHeader(id: fixture.webApp.clientID, secret: APIFixture.clientSecret)
            return try await fixture.client.postForm(path, parameters, headers: [header])
        case "client_secret_post":
            return try await fixture.client.postForm(path, parameters + fixture.courseCredentials)
        case "none":
            return try await fixture.client.postForm(path, parameters + [("client_id", "app_public")])
        default:
            throw UnexpectedReply(status: 0, body: "the document advertises the unknown method \(method)")
        }
    }

    @Test(arguments: [false, true])
    func plainIsAdvertisedOnlyWhenAllowed(allowPlain: Bool) async throws {
        var settings = OAuthSettings()
        settings.allowPlainPKCE = allowPlain
        let fixture = try PageFixture(settings: settings)

        let reply = try await fixture.withClient(withAPI: true) { client in
            try await client.get("/.well-known/oauth-authorization-server")
        }

        let document = try JSONValue.parse(reply.body)
        let methods = document["code_challenge_methods_supported"]?.arrayValue?.compactMap(\.stringValue)
        #expect(methods == (allowPlain ? ["S256", "plain"] : ["S256"]))
        #expect(document["issuer"]?.stringValue == WebContext.defaultPublicURL)
    }
}
