import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import DoormanWeb
import Testing

/// The 429 responses of the token endpoint, the sign-in form and the authorization endpoint.
@Suite("Rate limits at the endpoints", .serialized)
struct RateLimitEndpointTests {
    static let exactBody = #"{"message":"You are being rate limited"}"#

    /// Posts a token request with a wrong secret for `clientID`: a 401 that still counts against the limits.
    private func badExchange(
        _ fixture: APIFixture, clientID: String = "app_course", headers: [(String, String)] = []
    ) async throws -> TestConnection.Reply {
        try await fixture.client.postForm(
            "/v5/oauth/token",
            [("code", "no-such-code"), ("client_id", clientID), ("client_secret", "wrong")], headers: headers)
    }

    @Test("token burst over the client limit gets 429")
    func tokenClientBurst() async throws {
        let limits = RateLimitSettings(tokenPerClient: RateLimit(limit: 3, window: 60))
        try await APIFixture.run(rateLimits: limits) { fixture in
            for _ in 0..<3 {
                #expect(try await badExchange(fixture).status == 401)
            }
            let limited = try await badExchange(fixture)

            #expect(limited.status == 429)
            #expect(limited.text == Self.exactBody)
            #expect(limited.header("Retry-After") == "60")
            #expect(limited.header("Content-Type") == "application/json; charset=utf-8")
            #expect(try await badExchange(fixture, clientID: "app_other").status == 401)
        }
    }

    @Test("token requests succeed after Retry-After")
    func tokenAfterRetryAfter() async throws {
        let limits = RateLimitSettings(tokenPerClient: RateLimit(limit: 1, window: 30))
        try await APIFixture.run(rateLimits: limits) { fixture in
            #expect(try await badExchange(fixture).status == 401)
            let limited = try await badExchange(fixture)
            #expect(limited.status == 429)

            fixture.clock.advance(by: Int64(limited.header("Retry-After") ?? "") ?? 0)
            let code = try fixture.mintCode()
            let reply = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))

            #expect(reply.status == 200)
        }
    }

    @Test("token limit per address spans clients")
    func tokenAddressLimit() async throws {
        let limits = RateLimitSettings(tokenPerAddress: RateLimit(limit: 2, window: 60))
        try await APIFixture.run(rateLimits: limits) { fixture in
            #expect(try await badExchange(fixture, clientID: "a").status == 401)
            #expect(try await badExchange(fixture, clientID: "b").status == 401)

            let limited = try await badExchange(fixture, clientID: "c")
            #expect(limited.status == 429)
            #expect(limited.text == Self.exactBody)
        }
    }

    /// RFC 6749 section 2.3.1: every endpoint that checks a client secret is protected against brute force, so
    /// wrong secrets at the revocation and introspection endpoints count against the token endpoint's limits.
    @Test("revocation and introspection share the client limit", arguments: ["/oauth/revoke", "/oauth/introspect"])
    func clientLimitSpansEndpoints(path: String) async throws {
        let limits = RateLimitSettings(tokenPerClient: RateLimit(limit: 3, window: 60))
        try await APIFixture.run(rateLimits: limits) { fixture in
            let guess = [("token", "unknown"), ("client_id", "app_course"), ("client_secret", "wrong")]
            #expect(try await fixture.client.postForm(path, guess).status == 401)
            #expect(try await badExchange(fixture).status == 401)
            #expect(try await fixture.client.postForm(path, guess).status == 401)

            let limited = try await fixture.client.postForm(path, guess)
            #expect(limited.status == 429)
            #expect(limited.text == Self.exactBody)
            #expect(limited.header("Retry-After") == "60")
            #expect(try await badExchange(fixture).status == 429)
            #expect(try await badExchange(fixture, clientID: "app_other").status == 401)
        }
    }

    @Test("revocation and introspection share the address limit", arguments: ["/oauth/revoke", "/oauth/introspect"])
    func addressLimitSpansEndpoints(path: String) async throws {
        let limits = RateLimitSettings(tokenPerAddress: RateLimit(limit: 2, window: 60))
        try await APIFixture.run(rateLimits: limits) { fixture in
            #expect(try await badExchange(fixture, clientID: "a").status == 401)
            let guess = [("token", "unknown"), ("client_id", "b"), ("client_secret", "wrong")]
            #expect(try await fixture.client.postForm(path, guess).status == 401)

            let limited = try await fixture.client.postForm(path, guess)
            #expect(limited.status == 429)
            #expect(limited.text == Self.exactBody)
        }
    }

    @Test("spoofed X-Forwarded-For from untrusted peer is ignored", arguments: [[], ["10.0.0.0/8"]])
    func spoofedForwardedFor(proxies: [String]) async throws {
        let limits = RateLimitSettings(tokenPerAddress: RateLimit(limit: 2, window: 60))
        let ranges = proxies.compactMap(IPAddressRange.init)
        try await APIFixture.run(rateLimits: limits, trustedProxies: ranges) { fixture in
            let spoofed = ["198.51.100.1", "198.51.100.2", "198.51.100.3"]
            var statuses: [Int] = []
            for address in spoofed {
                statuses.append(try await badExchange(fixture, headers: [("X-Forwarded-For", address)]).status)
            }

            #expect(statuses == [401, 401, 429])
        }
    }

    @Test("trusted proxy's X-Forwarded-For selects the counter")
    func trustedForwardedFor() async throws {
        let limits = RateLimitSettings(tokenPerAddress: RateLimit(limit: 1, window: 60))
        let loopback = ["127.0.0.1", "::1"].compactMap(IPAddressRange.init)
        try await APIFixture.run(rateLimits: limits, trustedProxies: loopback) { fixture in
            let first = try await badExchange(fixture, headers: [("X-Forwarded-For", "198.51.100.1")])
            let second = try await badExchange(fixture, headers: [("X-Forwarded-For", "198.51.100.2")])
            let repeated = try await badExchange(fixture, headers: [("X-Forwarded-For", "6.6.6.6, 198.51.100.1")])

            #expect(first.status == 401)
            #expect(second.status == 401)
            #expect(repeated.status == 429)
        }
    }

    static let backoff = SignInBackoff(threshold: 2, window: 600, initialDelay: 30, maximumDelay: 120)

    private func pageFixture(_ limits: RateLimitSettings) throws -> PageFixture {
        var settings = OAuthSettings()
        settings.rateLimits = limits
        return try PageFixture(settings: settings)
    }

    @Test("failed password streak slows that account only")
    func signInStreakSlowsAccount() async throws {
        let fixture = try pageFixture(RateLimitSettings(signInPerAccount: Self.backoff))
        try await fixture.withClient { client in
            #expect(try await client.signIn(username: "Maria", password: "wrong 1").status == 200)
            #expect(try await client.signIn(username: "Maria", password: "wrong 2").status == 200)

            let limited = try await client.signIn(username: "Maria")
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "30")
            #expect(limited.header("Content-Type") == "text/html; charset=utf-8")
            #expect(limited.text.contains("Wait 30 seconds, then try again."))
            #expect(try await client.signIn(username: "sam").status == 303)
        }
    }

    @Test("sign-in delay doubles with each failure")
    func signInDelayDoubles() async throws {
        let fixture = try pageFixture(RateLimitSettings(signInPerAccount: Self.backoff))
        try await fixture.withClient { client in
            _ = try await client.signIn(username: "Maria", password: "wrong 1")
            _ = try await client.signIn(username: "Maria", password: "wrong 2")
            fixture.clock.advance(by: 30)
            #expect(try await client.signIn(username: "maria", password: "wrong 3").status == 200)

            #expect(try await client.signIn(username: "Maria").header("Retry-After") == "60")
            fixture.clock.advance(by: 60)
            #expect(try await client.signIn(username: "Maria").status == 303)
        }
    }

    @Test("unknown username is delayed like a known one")
    func signInUnknownUsername() async throws {
        let fixture = try pageFixture(RateLimitSettings(signInPerAccount: Self.backoff))
        try await fixture.withClient { client in
            _ = try await client.signIn(username: "nobody", password: "wrong 1")
            _ = try await client.signIn(username: "nobody", password: "wrong 2")

            #expect(try await client.signIn(username: "nobody").status == 429)
        }
    }

    @Test("correct password clears the failures")
    func signInSuccessResets() async throws {
        let fixture = try pageFixture(RateLimitSettings(signInPerAccount: Self.backoff))
        try await fixture.withClient { client in
            _ = try await client.signIn(username: "Maria", password: "wrong 1")
            #expect(try await client.signIn(username: "Maria").status == 303)
            let csrfToken = try await client.get("/").hiddenField("csrf_token") ?? ""
            _ = try await client.post("/logout", form: [("csrf_token", csrfToken)])
            _ = try await client.signIn(username: "Maria", password: "wrong 2")

            #expect(try await client.signIn(username: "Maria").status == 303)
        }
    }

    @Test("sign-in attempts per address are limited")
    func signInAddressLimit() async throws {
        let fixture = try pageFixture(RateLimitSettings(signInPerAddress: RateLimit(limit: 2, window: 300)))
        try await fixture.withClient { client in
            #expect(try await client.signIn(username: "Maria", password: "wrong").status == 200)
            #expect(try await client.signIn(username: "sam", password: "wrong").status == 200)

            let limited = try await client.signIn(username: "seller")
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "300")
        }
    }

    @Test("authorization requests per address are limited")
    func authorizeAddressLimit() async throws {
        let fixture = try pageFixture(RateLimitSettings(authorizePerAddress: RateLimit(limit: 2, window: 60)))
        try await fixture.withClient { client in
            let target = "/oauth?" + PageFixture.authorizeQuery()
            #expect(try await client.get(target).status == 302)
            #expect(try await client.get(target).status == 302)

            let limited = try await client.get(target)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "60")
            #expect(limited.text.contains("You are being rate limited."))
        }
    }
}
