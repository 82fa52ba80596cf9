import DoormanClient
import DoormanHTTP
import Foundation
import Testing

/// What the SDK puts on the wire, as a real loopback server receives it.
struct RequestCompositionTests {
    private static let tokenJSON = Array(
        #"{"access_token":"at","token_type":"Bearer","expires_in":7200,"refresh_token":"rt","scope":"api"}"#.utf8)

    private func recordingRouter(_ log: RequestLog) -> Router {
        var router = Router()
        router.post("/v5/oauth/token") { request in
            log.record(request)
            return .json(Self.tokenJSON)
        }
        router.get("/v5/me/memberships") { request in
            log.record(request)
            let body = #"{"pagination":{"current_page":1,"total_pages":0,"total_count":0},"data":[]}"#
            return .json(Array(body.utf8))
        }
        router.get("/v5/me/memberships/:id") { request in
            log.record(request)
            return .message("Route \(request.path) not found", status: .notFound)
        }
        router.get("/check/:expression") { request in
            log.record(request)
            return .json(Array(#"{"access":true}"#.utf8))
        }
        return router
    }

    private func client(_ baseURL: URL, secret: String? = "s3cret") -> OAuthClient {
        OAuthClient(
            configuration: OAuthConfiguration(
                clientID: "app_client", clientSecret: secret, redirectURI: "https://app.example/callback",
                endpoints: .doorman(baseURL: baseURL)))
    }

    @Test func exchangeSendsJSONWithEveryParameter() async throws {
        let log = RequestLog()

        try await withLoopbackServer(recordingRouter(log)) { baseURL in
            _ = try await client(baseURL).exchange(code: "the-code", codeVerifier: "the-verifier")
        }

        let request = try #require(log.all.first)
        let body = try #require(jsonObject(request.body))
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["Accept"] == "application/json")
        #expect(body["grant_type"] as? String == "authorization_code")
        #expect(body["code"] as? String == "the-code")
        #expect(body["client_id"] as? String == "app_client")
        #expect(body["client_secret"] as? String == "s3cret")
        #expect(body["redirect_uri"] as? String == "https://app.example/callback")
        #expect(body["code_verifier"] as? String == "the-verifier")
        #expect(body.count == 6)
    }

    @Test func publicClientLaunchCodeSendsNoSecretOrVerifier() async throws {
        let log = RequestLog()

        try await withLoopbackServer(recordingRouter(log)) { baseURL in
            _ = try await client(baseURL, secret: nil).exchange(code: "the-code", codeVerifier: nil)
        }

        let request = try #require(log.all.first)
        let body = try #require(jsonObject(request.body))
        #expect(body["client_secret"] == nil)
        #expect(body["code_verifier"] == nil)
        #expect(body.count == 4)
    }

    @Test func refreshSendsRefreshGrant() async throws {
        let log = RequestLog()

        let tokens = try await withLoopbackServer(recordingRouter(log)) { baseURL in
            try await client(baseURL).refresh("old-refresh")
        }

        let request = try #require(log.all.first)
        let body = try #require(jsonObject(request.body))
        #expect(body["grant_type"] as? String == "refresh_token")
        #expect(body["refresh_token"] as? String == "old-refresh")
        #expect(body["client_id"] as? String == "app_client")
        #expect(body["client_secret"] as? String == "s3cret")
        #expect(body["redirect_uri"] == nil)
        #expect(tokens.refreshToken == "rt")
    }

    @Test func membershipsQueryRepeatsStatuses() async throws {
        let log = RequestLog()

        try await withLoopbackServer(recordingRouter(log)) { baseURL in
            _ = try await client(baseURL).memberships(
                accessToken: "token", productID: "prod_1", companyID: "biz_1", valid: false,
                statuses: [.active, .pastDue], page: 2, perPage: 50)
        }

        let request = try #require(log.all.first)
        #expect(
            request.rawQuery
                == "company_id=biz_1&product_id=prod_1&valid=false&statuses%5B%5D=active&statuses%5B%5D=past_due"
                + "&page=2&per=50")
        #expect(request.query.values("statuses[]") == ["active", "past_due"])
        #expect(request.headers["Authorization"] == "Bearer token")
    }

    @Test func membershipsWithoutFiltersSendsNoQuery() async throws {
        let log = RequestLog()

        let page = try await withLoopbackServer(recordingRouter(log)) { baseURL in
            try await client(baseURL).memberships(accessToken: "token")
        }

        let request = try #require(log.all.first)
        #expect(request.rawQuery == "")
        #expect(page.data.isEmpty)
        #expect(page.pagination.nextPage == nil)
    }

    @Test func membershipIdentifierIsOnePathSegment() async throws {
        let log = RequestLog()

        let error = await withLoopbackServerError(recordingRouter(log)) { baseURL in
            _ = try await client(baseURL).membership(id: "mem/../x y", accessToken: "token")
        }

        let request = try #require(log.all.first)
        #expect(request.parameters["id"] == "mem/../x y")
        #expect(error?.kind == .notFound)
        #expect(error?.request == "GET /v5/me/memberships/mem%2F..%2Fx%20y")
    }

    @Test func checkAccessReadsTheAnswer() async throws {
        let log = RequestLog()

        let access = try await withLoopbackServer(recordingRouter(log)) { baseURL in
            try await client(baseURL).checkAccess("prod_1", accessToken: "token")
        }

        let request = try #require(log.all.first)
        #expect(access)
        #expect(request.path == "/check/prod_1")
    }

    @Test func apiBaseWithPathPrefixIsKept() async throws {
        var router = Router()
        router.get("/doorman/v5/me") { _ in .json(Array(#"{"id":"user_1","username":"ada"}"#.utf8)) }

        let user = try await withLoopbackServer(router) { baseURL in
            try await client(baseURL.appendingPathComponent("doorman")).me(accessToken: "token")
        }

        #expect(user.username == "ada")
    }
}

/// Runs `body` against a loopback server and returns the `DoormanClientError` it threw, or nil.
func withLoopbackServerError(
    _ router: Router, _ body: (_ baseURL: URL) async throws -> Void
) async -> DoormanClientError? {
    do {
        try await withLoopbackServer(router, body)
        return nil
    } catch {
        return error as? DoormanClientError
    }
}
