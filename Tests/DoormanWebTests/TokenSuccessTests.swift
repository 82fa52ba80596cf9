import DoormanCrypto
import DoormanOAuth
import DoormanTestSupport
import Testing

/// Checks a 200 token response: status, headers, the exact bytes in key order, and the token values.
private func expectTokenResponse(_ reply: TestConnection.Reply, createdAt: Int64, scope: String = "api") {
    #expect(reply.status == 200)
    #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
    #expect(reply.header("Cache-Control") == "no-store")
    #expect(reply.header("Pragma") == "no-cache")

    let access = reply.json["access_token"]?.stringValue ?? ""
    let refresh = reply.json["refresh_token"]?.stringValue ?? ""
    #expect(access.count == OrderedToken.length)
    #expect(refresh.count == OrderedToken.length)
    #expect(access != refresh)
    let expected =
        #"{"access_token":"\#(access)","token_type":"Bearer","expires_in":7200,"refresh_token":"\#(refresh)","#
        + #""scope":"\#(scope)","created_at":\#(createdAt)}"#
    #expect(reply.text == expected)
}

@Suite("Token endpoint success")
struct TokenSuccessTests {
    @Test func formBodyIssuesTokensInWireOrder() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            fixture.clock.advance(by: 123)

            let reply = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))

            expectTokenResponse(reply, createdAt: APIFixture.start + 123)
        }
    }

    @Test func jsonBodyWithoutGrantTypeIssuesTokens() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            let json = """
                {"code": "\(code)", "client_id": "app_course", "client_secret": "\(APIFixture.clientSecret)",
                 "redirect_uri": "\(APIFixture.redirectURI)", "state": null, "extra": {"nested": [1, true]}}
                """

            let reply = try await fixture.client.postJSON("/v5/oauth/token", json)

            expectTokenResponse(reply, createdAt: APIFixture.start)
        }
    }

    @Test func formBodyWithoutGrantTypeDefaultsToCode() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            let body = fixture.codeParameters(code).filter { $0.0 != "grant_type" }

            let reply = try await fixture.client.postForm("/v5/oauth/token", body)

            expectTokenResponse(reply, createdAt: APIFixture.start)
        }
    }

    @Test(arguments: ["/api/v5/oauth/token", "/oauth/token"])
    func otherTokenPathsIssueTokens(path: String) async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            let json =
                #"{"code":"\#(code)","client_id":"app_course","client_secret":"\#(APIFixture.clientSecret)","#
                + #""redirect_uri":"\#(APIFixture.redirectURI)"}"#

            let reply = try await fixture.client.send(
                "POST", path, headers: [("Content-Type", "application/json; charset=UTF-8")], body: Array(json.utf8))

            expectTokenResponse(reply, createdAt: APIFixture.start)
        }
    }

    /// Secrets registered with characters that form-urlencoding changes, and the Basic password that carries
    /// each one encoded as RFC 6749 section 2.3.1 requires.
    @Test(arguments: [
        ("with space", "with+space"),
        ("a+b", "a%2Bb"),
        ("a:b", "a%3Ab"),
        ("a:b", "a:b"),
        ("clé-secrète", "cl%C3%A9-secr%C3%A8te"),
        ("clé-secrète", "clé-secrète"),
    ])
    func basicSecretIsFormDecoded(registered: String, sent: String) async throws {
        try await APIFixture.run { fixture in
            #expect(try fixture.store.setClientSecretHash(TokenHash.of(registered), webAppID: fixture.webApp.id))
            let code = try fixture.mintCode()
            let body = fixture.codeParameters(code).filter { $0.0 != "client_secret" && $0.0 != "client_id" }

            let reply = try await fixture.client.postForm(
                "/v5/oauth/token", body, headers: [basicHeader(id: "app_course", secret: sent)])

            expectTokenResponse(reply, createdAt: APIFixture.start)
        }
    }

    @Test func basicPlusIsASpaceNotAPlus() async throws {
        try await APIFixture.run { fixture in
            #expect(try fixture.store.setClientSecretHash(TokenHash.of("a+b"), webAppID: fixture.webApp.id))
            let body = fixture.codeParameters(try fixture.mintCode()).filter { $0.0 != "client_secret" }

            let reply = try await fixture.client.postForm(
                "/v5/oauth/token", body, headers: [basicHeader(id: "app_course", secret: "a+b")])

            #expect(reply.status == 401)
            #expect(reply.oauthError == "invalid_client")
        }
    }

    @Test func launchCodeRedeemsWithOrWithoutRedirectURI() async throws {
        try await APIFixture.run { fixture in
            let withoutURI = try fixture.mintCode(requestedRedirectURI: nil)
            let body = fixture.codeParameters(withoutURI).filter { $0.0 != "redirect_uri" }
            expectTokenResponse(try await fixture.client.postForm("/v5/oauth/token", body), createdAt: APIFixture.start)

            let withURI = try fixture.mintCode(requestedRedirectURI: nil)
            let reply = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(withURI))
            expectTokenResponse(reply, createdAt: APIFixture.start)
        }
    }

    @Test func pkceVerifierRedeemsCode() async throws {
        try await APIFixture.run { fixture in
            let verifier = SecureRandom.token(bytes: 32)
            let code = try fixture.mintCode(verifier: verifier)
            let body = fixture.codeParameters(code) + [("code_verifier", verifier)]

            expectTokenResponse(try await fixture.client.postForm("/v5/oauth/token", body), createdAt: APIFixture.start)
        }
    }

    @Test func grantedScopeIsReported() async throws {
        try await APIFixture.run { fixture in
            let scope = try Scope.parse("openid user")
            let code = try fixture.mintCode(scope: scope)

            let reply = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))

            expectTokenResponse(reply, createdAt: APIFixture.start, scope: "openid user")
        }
    }

    @Test func issuedTokenIsAuditedWithoutItsValue() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            let reply = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))
            let access = try #require(reply.json["access_token"]?.stringValue)
            let refresh = try #require(reply.json["refresh_token"]?.stringValue)

            let issued = fixture.log.records("token.issued")
            #expect(issued.count == 1)
            #expect(issued.first?.level == .info)
            #expect(issued.first?.metadata["oauth.client_id"] == "app_course")
            #expect(issued.first?.metadata["user.id"] == "user_buyer")
            #expect(issued.first?.metadata["oauth.grant_id"] == TokenHash.of(code))
            #expect(fixture.log.records("authorization_code.consumed").count == 1)

            let text = fixture.log.records.map { "\($0.message) \($0.metadata)" }.joined()
            #expect(!text.contains(access))
            #expect(!text.contains(refresh))
            #expect(!text.contains(code))
            #expect(!text.contains(APIFixture.clientSecret))
        }
    }
}
