import DoormanOAuth
import DoormanTestSupport
import Testing

/// The exact `error_description` texts that clients match on.
enum Description {
    static let invalidRequest =
        "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise "
        + "malformed."
    static let invalidClient =
        "Client authentication failed due to unknown client, no client authentication included, or unsupported "
        + "authentication method."
    static let invalidGrant =
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in "
        + "the authorization request, or was issued to another client."
    static let unsupportedGrantType = "The authorization grant type is not supported by the authorization server."
    static let invalidScope = "The requested scope is invalid, unknown, or malformed."
}

/// One failing token request and the error it must produce.
struct TokenErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let error: String
    let description: String
    let send: @Sendable (APIFixture) async throws -> TestConnection.Reply

    var testDescription: String { name }

    var status: Int {
        error == "invalid_client" ? 401 : 400
    }

    init(
        _ name: String, _ error: String, _ description: String,
        send: @escaping @Sendable (APIFixture) async throws -> TestConnection.Reply
    ) {
        self.name = name
        self.error = error
        self.description = description
        self.send = send
    }
}

private let tokenPath = "/v5/oauth/token"
private let formType = ("Content-Type", "application/x-www-form-urlencoded")

/// Returns the form parameters of `fixture.codeParameters(code)` with `name` removed.
private func parameters(_ fixture: APIFixture, code: String, without name: String) -> [(String, String)] {
    fixture.codeParameters(code).filter { $0.0 != name }
}

private let clientCases: [TokenErrorCase] = [
    TokenErrorCase("unknown client", "invalid_client", Description.invalidClient) { fixture in
        let code = try fixture.mintCode()
        let body = parameters(fixture, code: code, without: "client_id") + [("client_id", "app_nope")]
        return try await fixture.client.postForm(tokenPath, body)
    },
    TokenErrorCase("wrong client secret", "invalid_client", Description.invalidClient) { fixture in
        let code = try fixture.mintCode()
        let body = parameters(fixture, code: code, without: "client_secret") + [("client_secret", "wrong")]
        return try await fixture.client.postForm(tokenPath, body)
    },
    TokenErrorCase("no client authentication", "invalid_client", Description.invalidClient) { fixture in
        try await fixture.client.postForm(tokenPath, [("code", try fixture.mintCode())])
    },
    TokenErrorCase("malformed Basic header", "invalid_client", Description.invalidClient) { fixture in
        let body = parameters(fixture, code: try fixture.mintCode(), without: "client_secret")
        return try await fixture.client.postForm(tokenPath, body, headers: [("Authorization", "Basic !!not-base64")])
    },
    TokenErrorCase("Basic without colon", "invalid_client", Description.invalidClient) { fixture in
        let body = parameters(fixture, code: try fixture.mintCode(), without: "client_secret")
        let header = ("Authorization", "Basic " + base64(Array("app_course".utf8)))
        return try await fixture.client.postForm(tokenPath, body, headers: [header])
    },
    TokenErrorCase("Bearer on token endpoint", "invalid_client", Description.invalidClient) { fixture in
        let body = parameters(fixture, code: try fixture.mintCode(), without: "client_secret")
        return try await fixture.client.postForm(tokenPath, body, headers: [("Authorization", "Bearer abc")])
    },
    TokenErrorCase("Basic with wrong secret", "invalid_client", Description.invalidClient) { fixture in
        let body = parameters(fixture, code: try fixture.mintCode(), without: "client_secret")
        return try await fixture.client.postForm(
            tokenPath, body, headers: [basicHeader(id: "app_course", secret: "nope")])
    },
]

private let grantCases: [TokenErrorCase] = [
    TokenErrorCase("unknown code", "invalid_grant", Description.invalidGrant) { fixture in
        try await fixture.client.postForm(tokenPath, fixture.codeParameters("no-such-code"))
    },
    TokenErrorCase("expired code", "invalid_grant", Description.invalidGrant) { fixture in
        let code = try fixture.mintCode()
        fixture.clock.advance(by: 600)
        return try await fixture.client.postForm(tokenPath, fixture.codeParameters(code))
    },
    TokenErrorCase("code of another client", "invalid_grant", Description.invalidGrant) { fixture in
        let code = try fixture.mintCode(for: fixture.otherWebApp, requestedRedirectURI: nil)
        return try await fixture.client.postForm(tokenPath, fixture.codeParameters(code))
    },
    TokenErrorCase("redirect_uri mismatch", "invalid_grant", Description.invalidGrant) { fixture in
        let code = try fixture.mintCode()
        let body =
            parameters(fixture, code: code, without: "redirect_uri") + [
                ("redirect_uri", "https://course.example/callback/")
            ]
        return try await fixture.client.postForm(tokenPath, body)
    },
    TokenErrorCase(
        "missing redirect_uri sent at authorize", "invalid_request", "Missing required parameter: redirect_uri."
    ) { fixture in
        try await fixture.client.postForm(
            tokenPath, parameters(fixture, code: try fixture.mintCode(), without: "redirect_uri"))
    },
    TokenErrorCase("PKCE verifier mismatch", "invalid_grant", Description.invalidGrant) { fixture in
        let code = try fixture.mintCode(verifier: String(repeating: "a", count: 43))
        let body = fixture.codeParameters(code) + [("code_verifier", String(repeating: "b", count: 43))]
        return try await fixture.client.postForm(tokenPath, body)
    },
    TokenErrorCase("PKCE verifier missing", "invalid_grant", Description.invalidGrant) { fixture in
        let code = try fixture.mintCode(verifier: String(repeating: "a", count: 43))
        return try await fixture.client.postForm(tokenPath, fixture.codeParameters(code))
    },
    TokenErrorCase("PKCE downgrade", "invalid_grant", Description.invalidGrant) { fixture in
        let body =
            fixture.codeParameters(try fixture.mintCode()) + [("code_verifier", String(repeating: "a", count: 43))]
        return try await fixture.client.postForm(tokenPath, body)
    },
]

private let requestCases: [TokenErrorCase] = [
    TokenErrorCase("missing code", "invalid_request", "Missing required parameter: code.") { fixture in
        try await fixture.client.postForm(tokenPath, parameters(fixture, code: "", without: "code"))
    },
    TokenErrorCase("unsupported grant type", "unsupported_grant_type", Description.unsupportedGrantType) { fixture in
        let body =
            parameters(fixture, code: try fixture.mintCode(), without: "grant_type") + [("grant_type", "password")]
        return try await fixture.client.postForm(tokenPath, body)
    },
    TokenErrorCase("duplicate form parameter", "invalid_request", Description.invalidRequest) { fixture in
        let code = try fixture.mintCode()
        return try await fixture.client.postForm(tokenPath, fixture.codeParameters(code) + [("code", code)])
    },
    TokenErrorCase("duplicate JSON key", "invalid_request", Description.invalidRequest) { fixture in
        let code = try fixture.mintCode()
        let secret = APIFixture.clientSecret
        let json = #"{"code":"\#(code)","code":"\#(code)","client_id":"app_course","client_secret":"\#(secret)"}"#
        return try await fixture.client.postJSON(tokenPath, json)
    },
    TokenErrorCase("parameter in query and body", "invalid_request", Description.invalidRequest) { fixture in
        let code = try fixture.mintCode()
        return try await fixture.client.postForm(tokenPath + "?code=\(code)", fixture.codeParameters(code))
    },
    TokenErrorCase("Basic and body secret", "invalid_request", Description.invalidRequest) { fixture in
        let header = basicHeader(id: "app_course", secret: APIFixture.clientSecret)
        return try await fixture.client.postForm(
            tokenPath, fixture.codeParameters(try fixture.mintCode()), headers: [header])
    },
    TokenErrorCase("client secret in query", "invalid_request", Description.invalidRequest) { fixture in
        let body = parameters(fixture, code: try fixture.mintCode(), without: "client_secret")
        return try await fixture.client.postForm(tokenPath + "?client_secret=\(APIFixture.clientSecret)", body)
    },
    TokenErrorCase("client id in query", "invalid_request", Description.invalidRequest) { fixture in
        let body = parameters(fixture, code: try fixture.mintCode(), without: "client_id")
        return try await fixture.client.postForm(tokenPath + "?client_id=app_course", body)
    },
]

private let bodyCases: [TokenErrorCase] = [
    TokenErrorCase("malformed JSON", "invalid_request", Description.invalidRequest) { fixture in
        try await fixture.client.postJSON(tokenPath, #"{"code": "abc", "client_id": "#)
    },
    TokenErrorCase("JSON array body", "invalid_request", Description.invalidRequest) { fixture in
        try await fixture.client.postJSON(tokenPath, #"["code"]"#)
    },
    TokenErrorCase("JSON boolean parameter", "invalid_request", Description.invalidRequest) { fixture in
        try await fixture.client.postJSON(tokenPath, #"{"code": true, "client_id": "app_course"}"#)
    },
    TokenErrorCase("text/plain body", "invalid_request", Description.invalidRequest) { fixture in
        let body = Array("code=abc&client_id=app_course".utf8)
        return try await fixture.client.send("POST", tokenPath, headers: [("Content-Type", "text/plain")], body: body)
    },
    TokenErrorCase("body without content type", "invalid_request", Description.invalidRequest) { fixture in
        try await fixture.client.send("POST", tokenPath, body: Array("code=abc&client_id=app_course".utf8))
    },
    TokenErrorCase("malformed content type", "invalid_request", Description.invalidRequest) { fixture in
        let body = Array("code=abc".utf8)
        return try await fixture.client.send("POST", tokenPath, headers: [("Content-Type", "application/")], body: body)
    },
    TokenErrorCase("malformed form encoding", "invalid_request", Description.invalidRequest) { fixture in
        try await fixture.client.send("POST", tokenPath, headers: [formType], body: Array("code=%zz&client_id=a".utf8))
    },
]

@Suite("Token endpoint errors")
struct TokenErrorTests {
    @Test(arguments: clientCases + grantCases + requestCases + bodyCases)
    func errorResponse(_ errorCase: TokenErrorCase) async throws {
        try await APIFixture.run { fixture in
            let reply = try await errorCase.send(fixture)

            #expect(reply.status == errorCase.status)
            #expect(reply.oauthError == errorCase.error)
            #expect(reply.errorDescription == errorCase.description)
            #expect(reply.json.objectValue?.keys == ["error", "error_description"])
            #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
            #expect(reply.header("Cache-Control") == "no-store")
            #expect(reply.header("Pragma") == "no-cache")
            let challenge = errorCase.status == 401 ? #"Basic realm="doorman""# : nil
            #expect(reply.header("WWW-Authenticate") == challenge)
        }
    }

    @Test(arguments: ["/v5/oauth/token", "/api/v5/oauth/token", "/oauth/token"])
    func getIsMethodNotAllowed(path: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.send("GET", path)

            #expect(reply.status == 405)
            #expect(reply.header("Allow") == "POST")
        }
    }

    @Test func rejectionIsLoggedAtDebugWithoutSecrets() async throws {
        try await APIFixture.run { fixture in
            let body =
                parameters(fixture, code: "code-value", without: "client_secret") + [
                    ("client_secret", "wrong-secret-value")
                ]
            _ = try await fixture.client.postForm(tokenPath, body)

            let records = fixture.log.records("token.rejected")
            #expect(records.count == 1)
            #expect(records.first?.level == .debug)
            #expect(records.first?.metadata["oauth.error"] == "invalid_client")
            #expect(records.first?.metadata["oauth.client_id"] == "app_course")
            let text = fixture.log.records.map { "\($0.message) \($0.metadata)" }.joined()
            #expect(!text.contains("wrong-secret-value"))
            #expect(!text.contains("code-value"))
        }
    }

    @Test func clientIDNotShapedLikeOneIsNotLogged() async throws {
        try await APIFixture.run { fixture in
            let body = [("code", "code-value"), ("client_id", "pasted-secret-value"), ("client_secret", "x")]
            _ = try await fixture.client.postForm(tokenPath, body)

            let records = fixture.log.records("token.rejected")
            #expect(records.first?.metadata["oauth.client_id"] == "malformed")
            let text = fixture.log.records.map { "\($0.message) \($0.metadata)" }.joined()
            #expect(!text.contains("pasted-secret-value"))
        }
    }
}
