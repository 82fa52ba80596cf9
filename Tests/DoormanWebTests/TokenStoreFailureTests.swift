import DoormanTestSupport
import Testing

/// Requests that reach a closed store, which throws `StoreError.unavailable` for every call.
@Suite("API responses when the store is unavailable")
struct TokenStoreFailureTests {
    @Test func tokenEndpointReturnsTemporarilyUnavailable() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode()
            try fixture.store.close()

            let reply = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))

            #expect(reply.status == 400)
            #expect(reply.oauthError == "temporarily_unavailable")
            #expect(
                reply.errorDescription
                    == "The authorization server is currently unable to handle the request due to a temporary "
                    + "overloading or maintenance of the server.")
            #expect(reply.header("Cache-Control") == "no-store")
            #expect(reply.header("Pragma") == "no-cache")
            #expect(reply.header("WWW-Authenticate") == nil)
            let failures = fixture.log.records("token request failed")
            #expect(failures.count == 1)
            #expect(failures.first?.level == .error)
        }
    }

    @Test func resourceRouteReturnsServiceUnavailable() async throws {
        try await APIFixture.run { fixture in
            let token = try await fixture.accessToken()
            try fixture.store.close()

            let reply = try await fixture.client.get("/v5/me", token: token)

            #expect(reply.status == 503)
            #expect(reply.message == "The service is temporarily unavailable; retry in a few seconds.")
            #expect(reply.header("Cache-Control") == "no-store")
            #expect(fixture.log.records("store failed").count == 1)
        }
    }
}
