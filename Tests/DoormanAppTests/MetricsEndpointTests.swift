import DoormanHTTP
import DoormanTestSupport
import Testing

@testable import DoormanApp

/// `GET /metrics` after real requests through a live server on the routes of `doorman serve`.
struct MetricsEndpointTests {
    /// Sends a mix of API requests and returns the page scraped after them.
    private func scrapeAfterTraffic(_ server: MetricsServer, port: Int) throws -> ScrapedMetrics {
        _ = try MetricsServer.send("GET", "/v5/me", port: port)
        _ = try MetricsServer.send("GET", "/v5/me/memberships/mem_secret_id", port: port)
        _ = try MetricsServer.send("GET", "/no/such/path/4711", port: port)

        let code = try server.mintCode()
        let issued = try MetricsServer.send("POST", "/v5/oauth/token", port: port, form: MetricsServer.codeForm(code))
        let tokens = try JSONValue.parse(issued.body)
        let accessToken = try #require(tokens["access_token"]?.stringValue)
        let refreshToken = try #require(tokens["refresh_token"]?.stringValue)
        _ = try MetricsServer.send("GET", "/v5/me", port: port, headers: ["Authorization: Bearer \(accessToken)"])

        let refreshForm = [
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", MetricsServer.clientID),
            ("client_secret", MetricsServer.clientSecret),
        ]
        _ = try MetricsServer.send("POST", "/v5/oauth/token", port: port, form: refreshForm)
        // A replayed code revokes its grant, so it comes after the refresh.
        _ = try MetricsServer.send("POST", "/v5/oauth/token", port: port, form: MetricsServer.codeForm(code))
        _ = try MetricsServer.send("POST", "/v5/oauth/token", port: port, form: [("grant_type", "password")])

        let reply = try MetricsServer.send("GET", "/metrics", port: port)
        #expect(reply.status == 200)
        return ScrapedMetrics(reply.text)
    }

    @Test func requestsCountedByRouteTemplate() throws {
        let server = try MetricsServer()
        let page = try server.withServer { port in try scrapeAfterTraffic(server, port: port) }
        let requests = "doorman_http_requests_total"

        #expect(page[#"\#(requests){method="GET",route="/v5/me",status="401"}"#] == 1)
        #expect(page[#"\#(requests){method="GET",route="/v5/me",status="200"}"#] == 1)
        #expect(page[#"\#(requests){method="GET",route="/v5/me/memberships/:id",status="401"}"#] == 1)
        #expect(page[#"\#(requests){method="GET",route="unmatched",status="404"}"#] == 1)
        #expect(page[#"\#(requests){method="POST",route="/v5/oauth/token",status="200"}"#] == 2)
        #expect(page[#"\#(requests){method="POST",route="/v5/oauth/token",status="400"}"#] == 2)
        #expect(!page.text.contains("mem_secret_id"))
        #expect(!page.text.contains("4711"))
    }

    @Test func tokenCountersAfterExchanges() throws {
        let server = try MetricsServer()
        let page = try server.withServer { port in try scrapeAfterTraffic(server, port: port) }

        #expect(page[#"doorman_oauth_tokens_issued_total{grant_type="authorization_code"}"#] == 1)
        #expect(page[#"doorman_oauth_tokens_issued_total{grant_type="refresh_token"}"#] == 1)
        #expect(page["doorman_oauth_codes_redeemed_total"] == 1)
        #expect(page[#"doorman_oauth_grant_errors_total{error="invalid_grant"}"#] == 1)
        #expect(page[#"doorman_oauth_grant_errors_total{error="unsupported_grant_type"}"#] == 1)
        #expect(page[#"doorman_oauth_grant_errors_total{error="invalid_client"}"#] == 0)
    }

    @Test func durationHistogramIsConsistent() throws {
        let server = try MetricsServer()
        let page = try server.withServer { port in try scrapeAfterTraffic(server, port: port) }
        let name = "doorman_http_request_duration_seconds"
        let route = #"route="/v5/oauth/token""#
        let bounds = [
            "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0",
            "10.0", "+Inf",
        ]
        let buckets = bounds.map { page["\(name)_bucket{\(route),le=\"\($0)\"}"] }

        #expect(buckets.allSatisfy { $0 != nil })
        #expect(zip(buckets, buckets.dropFirst()).allSatisfy { ($0 ?? 0) <= ($1 ?? 0) })
        #expect(buckets.last == 4)
        #expect(page["\(name)_count{\(route)}"] == 4)
        #expect((page["\(name)_sum{\(route)}"] ?? 0) > 0)
        #expect(page["\(name)_count{route=\"/v5/me\"}"] == 2)
    }

    @Test func poolMetricsAfterTraffic() throws {
        let server = try MetricsServer()
        let page = try server.withServer { port in try scrapeAfterTraffic(server, port: port) }

        #expect(page["doorman_database_pool_connections_max"] == 4)
        #expect(page["doorman_database_pool_connections_in_use"] == 0)
        #expect((page["doorman_database_pool_connections_idle"] ?? 0) >= 1)
        #expect(page["doorman_database_pool_waits_total"] == 0)
        #expect(page["doorman_database_pool_timeouts_total"] == 0)
    }

    @Test func pageFollowsTextFormat() throws {
        let server = try MetricsServer()
        let reply = try server.withServer { port in try MetricsServer.send("GET", "/metrics", port: port) }
        let page = ScrapedMetrics(reply.text)

        #expect(reply.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        #expect(reply.header("Cache-Control") == "no-store")
        #expect(page.malformedLines.isEmpty)
        #expect(reply.text.hasSuffix("\n"))
        for name in ["doorman_oauth_codes_redeemed_total", "doorman_database_pool_connections_in_use"] {
            #expect(reply.text.contains("# HELP \(name) "))
        }
        #expect(reply.text.contains("# TYPE doorman_oauth_codes_redeemed_total counter\n"))
        #expect(reply.text.contains("# TYPE doorman_database_pool_connections_in_use gauge\n"))
    }

    @Test func scrapeCountsItselfNextTime() throws {
        let server = try MetricsServer()
        let (first, second) = try server.withServer { port in
            (
                ScrapedMetrics(try MetricsServer.send("GET", "/metrics", port: port).text),
                ScrapedMetrics(try MetricsServer.send("GET", "/metrics", port: port).text)
            )
        }
        let key = #"doorman_http_requests_total{method="GET",route="/metrics",status="200"}"#

        #expect(first[key] == nil)
        #expect(second[key] == 1)
        #expect(second[#"doorman_http_request_duration_seconds_count{route="/metrics"}"#] == 1)
    }

    @Test func headAndUnknownMethodLabels() throws {
        let server = try MetricsServer()
        let page = try server.withServer { port in
            try sendHeadAndWaitForClose("/healthz", port: port)
            _ = try MetricsServer.send("BREW", "/coffee", port: port)
            return ScrapedMetrics(try MetricsServer.send("GET", "/metrics", port: port).text)
        }

        #expect(page[#"doorman_http_requests_total{method="HEAD",route="/healthz",status="200"}"#] == 1)
        #expect(page[#"doorman_http_requests_total{method="other",route="unmatched",status="404"}"#] == 1)
    }

    /// Sends `HEAD target` with `Connection: close` and reads until the server closes, because a HEAD reply has a
    /// `Content-Length` but no body, which `readReply()` would wait for.
    private func sendHeadAndWaitForClose(_ target: String, port: Int) throws {
        let connection = try TestConnection(port: port)
        try connection.send("HEAD \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var bytesRead = 0
        while !connection.isClosedByPeer(), bytesRead < 65_536 {
            bytesRead += 1
        }
    }

    @Test func routesWithoutMetricsHaveNoEndpoint() throws {
        let server = try MetricsServer()
        let router = Routes.make(database: .sqlite(server.store.database), logger: quietLogger())
        let reply = try withLiveServer(router) { _, port in try MetricsServer.send("GET", "/metrics", port: port) }

        #expect(reply.status == 404)
    }
}
