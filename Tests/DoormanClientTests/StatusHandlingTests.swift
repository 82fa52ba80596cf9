import DoormanClient
import DoormanHTTP
import DoormanTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How the SDK reads statuses, bodies and failures from a real loopback server.
struct StatusHandlingTests {
    private static let userJSON = Array(#"{"id":"user_1","username":"ada"}"#.utf8)

    private func client(_ baseURL: URL, timeout: Duration = .seconds(30)) -> OAuthClient {
        OAuthClient(
            configuration: OAuthConfiguration(
                clientID: "app_client", clientSecret: "s3cret", redirectURI: "https://app.example/callback",
                endpoints: .doorman(baseURL: baseURL), requestTimeout: timeout))
    }

    private func router(status: HTTPStatus, body: [UInt8], contentType: String = "application/json") -> Router {
        var router = Router()
        router.get("/v5/me") { _ in
            Response(status: status, headers: ["Content-Type": contentType], body: body)
        }
        return router
    }

    @Test(arguments: [HTTPStatus.ok, .created])
    func successStatusIsAccepted(status: HTTPStatus) async throws {
        let user = try await withLoopbackServer(router(status: status, body: Self.userJSON)) { baseURL in
            try await client(baseURL).me(accessToken: "token")
        }

        #expect(user.id == "user_1")
    }

    @Test func otherSuccessStatusIsUnexpected() async {
        let accepted = HTTPStatus(code: 202, reasonPhrase: "Accepted")

        let error = await withLoopbackServerError(router(status: accepted, body: Self.userJSON)) { baseURL in
            _ = try await client(baseURL).me(accessToken: "token")
        }

        #expect(error?.kind == .unexpectedStatus)
        #expect(error?.status == 202)
    }

    @Test func htmlErrorPageIsExcerpted() async {
        let page = Array("<html><h1>502 Bad Gateway</h1></html>".utf8)
        let badGateway = HTTPStatus(code: 502, reasonPhrase: "Bad Gateway")

        let error = await withLoopbackServerError(router(status: badGateway, body: page, contentType: "text/html")) {
            baseURL in
            _ = try await client(baseURL).me(accessToken: "token")
        }

        #expect(error?.kind == .server)
        #expect(error?.bodyExcerpt == "<html><h1>502 Bad Gateway</h1></html>")
    }

    @Test func malformedSuccessBodyIsInvalidResponse() async {
        let error = await withLoopbackServerError(router(status: .ok, body: Array("[1,2]".utf8))) { baseURL in
            _ = try await client(baseURL).me(accessToken: "token")
        }

        #expect(error?.kind == .invalidResponse)
        #expect(error?.status == 200)
        #expect(error?.bodyExcerpt == "[1,2]")
    }

    @Test func rateLimitKeepsRetryAfter() async {
        var router = Router()
        router.get("/v5/me") { _ in
            var response = Response.message("You are being rate limited", status: .tooManyRequests)
            response.headers.replaceOrAdd(name: "Retry-After", value: "7")
            return response
        }

        let error = await withLoopbackServerError(router) { baseURL in
            _ = try await client(baseURL).me(accessToken: "token")
        }

        #expect(error?.kind == .rateLimited)
        #expect(error?.message == "You are being rate limited")
        #expect(error?.retryAfter == 7)
    }

    /// FoundationNetworking turns this header into an authentication challenge, which must not stall the request
    /// until the timeout.
    @Test func basicChallengeReturnsTheErrorResponse() async {
        var router = Router()
        router.post("/v5/oauth/token") { _ in
            let body = #"{"error":"invalid_client","error_description":"Client authentication failed."}"#
            var response = Response.json(Array(body.utf8), status: .unauthorized)
            response.headers.replaceOrAdd(name: "WWW-Authenticate", value: #"Basic realm="Doorman""#)
            return response
        }

        let error = await withLoopbackServerError(router) { baseURL in
            _ = try await client(baseURL).exchange(code: "code", codeVerifier: nil)
        }

        #expect(error?.kind == .invalidClient)
        #expect(error?.status == 401)
        #expect(error?.message == "Client authentication failed.")
    }

    /// The server responds after 3 seconds, ten times the limit, so only the deadline can end the call first.
    @Test func slowServerTimesOut() async {
        var router = Router()
        router.get("/v5/me") { _ in
            usleepSeconds(3)
            return .json(Self.userJSON)
        }

        let error = await withLoopbackServerError(router) { baseURL in
            _ = try await client(baseURL, timeout: .milliseconds(300)).me(accessToken: "token")
        }

        #expect(error?.kind == .timedOut)
        #expect(error?.status == nil)
    }

    /// Cancelling the calling task cancels the transfer, instead of waiting for the server's late response.
    @Test func cancellationStopsTheTransfer() async throws {
        var router = Router()
        router.get("/v5/me") { _ in
            usleepSeconds(3)
            return .json(Self.userJSON)
        }

        let outcome = try await withLoopbackServer(router) { baseURL in
            let transport = URLSessionTransport()
            let send = Task { try await transport.send(URLRequest(url: baseURL.appendingPathComponent("v5/me"))) }
            try await Task.sleep(for: .milliseconds(100))
            send.cancel()
            return await send.result
        }

        #expect(throws: URLError.self) { try outcome.get() }
    }

    @Test func closedPortIsTransportFailure() async throws {
        // The port of a server that has stopped is free, so nothing listens there.
        let baseURL = try await withLoopbackServer(Router()) { baseURL in baseURL }

        let error = await #expect(throws: DoormanClientError.self) {
            _ = try await client(baseURL).me(accessToken: "token")
        }

        #expect(error?.kind == .transport)
        #expect(error?.underlyingError?.hasSuffix("(URLError -1004)") == true)
        #expect(error?.request == "GET /v5/me")
    }
}
