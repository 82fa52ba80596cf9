import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

/// The client authentication and parameter rules, checked the same way at the token, revocation and introspection
/// endpoints.
@Suite("Client authentication rules", .serialized)
struct ClientAuthenticationRuleTests {
    /// The endpoints, each with the parameters of a valid request apart from the client credentials.
    static let endpoints: [(path: String, parameters: [(String, String)])] = [
        ("/v5/oauth/token", [("grant_type", "refresh_token"), ("refresh_token", "unknown-refresh-token")]),
        ("/oauth/revoke", [("token", "unknown-token")]),
        ("/oauth/introspect", [("token", "unknown-token")]),
    ]

    /// One request that breaks a rule, and the error every endpoint must return for it.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let error: String
        let status: Int
        let send: @Sendable (APIFixture, String, [(String, String)]) async throws -> TestConnection.Reply

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "wrong secret", error: "invalid_client", status: 401) { fixture, path, parameters in
            try await fixture.client.postForm(
                path, parameters + [("client_id", fixture.webApp.clientID), ("client_secret", "wrong")])
        },
        Case(name: "no credentials", error: "invalid_client", status: 401) { fixture, path, parameters in
            try await fixture.client.postForm(path, parameters)
        },
        Case(name: "malformed Basic", error: "invalid_client", status: 401) { fixture, path, parameters in
            try await fixture.client.postForm(path, parameters, headers: [("Authorization", "Basic !!not-base64")])
        },
        Case(name: "Bearer header", error: "invalid_client", status: 401) { fixture, path, parameters in
            try await fixture.client.postForm(path, parameters, headers: [("Authorization", "Bearer abc")])
        },
        Case(name: "Basic and body secret", error: "invalid_request", status: 400) { fixture, path, parameters in
            let header = basicHeader(id: fixture.webApp.clientID, secret: APIFixture.clientSecret)
            return try await fixture.client.postForm(
                path, parameters + [("client_secret", APIFixture.clientSecret)], headers: [header])
        },
        Case(name: "secret in query", error: "invalid_request", status: 400) { fixture, path, parameters in
            try await fixture.client.postForm(
                path + "?client_secret=" + APIFixture.clientSecret,
                parameters + [("client_id", fixture.webApp.clientID)])
        },
        Case(name: "repeated form key", error: "invalid_request", status: 400) { fixture, path, parameters in
            try await fixture.client.postForm(path, parameters + parameters + fixture.courseCredentials)
        },
        Case(name: "parameter in query and body", error: "invalid_request", status: 400) {
            fixture, path, parameters in
            let query = parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
            return try await fixture.client.postForm(path + "?" + query, parameters + fixture.courseCredentials)
        },
        Case(name: "duplicate JSON key", error: "invalid_request", status: 400) { fixture, path, _ in
            let json = #"{"client_id":"app_course","client_id":"app_course","client_secret":"x"}"#
            return try await fixture.client.postJSON(path, json)
        },
    ]

    @Test(arguments: cases)
    func everyEndpointAppliesRule(rule: Case) async throws {
        try await APIFixture.run { fixture in
            for endpoint in Self.endpoints {
                let reply = try await rule.send(fixture, endpoint.path, endpoint.parameters)

                #expect(reply.status == rule.status, "\(endpoint.path)")
                #expect(reply.oauthError == rule.error, "\(endpoint.path)")
                #expect(reply.header("Cache-Control") == "no-store", "\(endpoint.path)")
                let challenge = reply.header("WWW-Authenticate")
                #expect((challenge == #"Basic realm="doorman""#) == (rule.status == 401), "\(endpoint.path)")
            }
        }
    }

    @Test(arguments: [
        ("a+b c", "a%2Bb+c"),
        ("colon:in:secret", "colon%3Ain%3Asecret"),
        ("été ß", "%C3%A9t%C3%A9+%C3%9F"),
        ("percent%sign", "percent%25sign"),
    ])
    func basicSecretsAreFormDecoded(secret: String, encoded: String) async throws {
        try await APIFixture.run { fixture in
            var app = fixture.otherWebApp
            app.id = "exp_encoded"
            app.clientID = "app_encoded"
            app.clientSecretHash = TokenHash.of(secret)
            try fixture.store.createWebApp(app)
            let header = ("Authorization", "Basic " + base64(Array("app_encoded:\(encoded)".utf8)))

            for endpoint in Self.endpoints.dropFirst() {
                let reply = try await fixture.client.postForm(endpoint.path, endpoint.parameters, headers: [header])

                #expect(reply.status == 200, "\(endpoint.path): \(reply.text)")
            }
            // Sent without form-urlencoding, `+` decodes to a space and `%s` is malformed, so both fail.
            if secret.contains("+") || secret.contains("%") {
                let raw = ("Authorization", "Basic " + base64(Array("app_encoded:\(secret)".utf8)))
                let reply = try await fixture.client.postForm("/oauth/introspect", [("token", "t")], headers: [raw])
                #expect(reply.status == 401)
            }
        }
    }

    @Test(arguments: [
        ("/v5/oauth/token", "code", [("code", ""), ("grant_type", "")]),
        ("/oauth/revoke", "token", [("token", ""), ("token_type_hint", "")]),
        ("/oauth/introspect", "token", [("token", ""), ("token_type_hint", "")]),
    ])
    func emptyValuesCountAsAbsent(path: String, missing: String, empty: [(String, String)]) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.postForm(
                path, empty + [("unknown_parameter", "ignored")] + fixture.courseCredentials)

            #expect(reply.status == 400)
            #expect(reply.oauthError == "invalid_request")
            #expect(reply.errorDescription == "Missing required parameter: \(missing).")
        }
    }

    @Test(arguments: ["/oauth/revoke", "/oauth/introspect"])
    func emptyRepeatIsNoDuplicate(path: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.postForm(
                path, [("token", "unknown"), ("token", "")] + fixture.courseCredentials)

            #expect(reply.status == 200)
        }
    }
}
