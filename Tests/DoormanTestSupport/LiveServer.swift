import DoormanHTTP
import Glibc
import Logging

/// Starts a real server on an ephemeral loopback port for the duration of a test, reporting each response to
/// `observer` when one is given.
public func withLiveServer<T>(
    _ router: Router,
    observer: (any RequestObserver)? = nil,
    configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    _ body: (HTTPServer, Int) throws -> T
) throws -> T {
    var configuration = HTTPServerConfiguration()
    configuration.port = 0
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, router: router, logger: quietLogger(), observer: observer)
    try server.start()
    defer { server.shutdown() }
    return try body(server, server.port ?? 0)
}

/// Returns a router with the routes the server tests use.
public func testRouter() -> Router {
    var router = Router()
    router.get("/hello") { _ in Response(contentType: "text/plain", text: "hello") }
    router.post("/echo") { request in Response(status: .ok, headers: [:], body: request.body) }
    router.get("/items/:id") { request in Response(contentType: "text/plain", text: request.parameters["id"] ?? "") }
    router.get("/slow") { _ in
        usleepSeconds(1.0)
        return Response(contentType: "text/plain", text: "finished")
    }
    router.addAsync(.get, "/later") { _ in
        try await Task.sleep(for: .milliseconds(50))
        return Response(contentType: "text/plain", text: "awaited")
    }
    router.get("/fail") { _ in throw TestFailure() }
    return router
}

public struct TestFailure: Error {}

public func usleepSeconds(_ seconds: Double) {
    usleep(UInt32(seconds * 1_000_000))
}

/// Returns a logger that drops everything below critical, so test output stays readable.
public func quietLogger() -> Logger {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}
