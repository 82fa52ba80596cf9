import DoormanTestSupport
import Glibc
import Testing

/// `GET /metrics` and `GET /readyz` on the built `doorman serve`, with metrics on by default and turned off.
@Suite("doorman serve metrics as a process")
struct MetricsProcessTests {
    private func get(_ target: String, port: Int) throws -> TestConnection.Reply {
        let connection = try TestConnection(port: port)
        try connection.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        return try connection.readReply()
    }

    @Test func metricsServedByDefault() throws {
        let server = try ServeProcessTests.ServerProcess()
        _ = try get("/healthz", port: server.port)
        let reply = try get("/metrics", port: server.port)

        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        #expect(reply.text.contains(#"doorman_http_requests_total{method="GET",route="/healthz",status="200"} 1"#))
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.waitForExit() == 0)
    }

    @Test func metricsFlagFalseRemovesEndpoint() throws {
        let server = try ServeProcessTests.ServerProcess(extraArguments: ["--metrics", "false"])
        let reply = try get("/metrics", port: server.port)

        #expect(reply.status == 404)
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.waitForExit() == 0)
    }

    @Test func readyzAfterStartup() throws {
        let server = try ServeProcessTests.ServerProcess()
        let reply = try get("/readyz", port: server.port)

        #expect(reply.status == 200)
        #expect(reply.text == #"{"status":"ready"}"#)
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.waitForExit() == 0)
    }
}
