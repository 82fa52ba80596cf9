import DoormanHTTP
import DoormanTestSupport
import Foundation
import Testing

/// Runs `body` with a real HTTP server on an ephemeral loopback port serving `router`, then stops it.
///
/// `withLiveServer` takes a synchronous body, and every call of the SDK is asynchronous, so this variant
/// awaits `body` before it stops the server.
func withLoopbackServer<Value>(
    _ router: Router, _ body: (_ baseURL: URL) async throws -> Value
) async throws -> Value {
    var configuration = HTTPServerConfiguration()
    configuration.port = 0
    configuration.shutdownTimeout = .seconds(2)
    let server = HTTPServer(configuration: configuration, router: router, logger: quietLogger())
    try server.start()

    let outcome: Result<Value, any Error>
    do {
        let port = try #require(server.port)
        outcome = .success(try await body(try #require(URL(string: "http://127.0.0.1:\(port)"))))
    } catch {
        outcome = .failure(error)
    }
    await stop(server)
    return try outcome.get()
}

/// Stops `server` on a Dispatch thread, because `shutdown()` blocks while in-flight requests drain, and
/// blocking one of the few threads of Swift's cooperative pool would stall other tests running in parallel.
private func stop(_ server: HTTPServer) async {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            _ = server.shutdown()
            continuation.resume()
        }
    }
}

/// Requests that a test server received, in order, readable from the test while the server runs.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [Request] = []

    /// Appends `request`; called from the server's worker threads.
    func record(_ request: Request) {
        lock.withLock { requests.append(request) }
    }

    /// Every request received so far.
    var all: [Request] {
        lock.withLock { requests }
    }
}

/// Parses a request body as a JSON object, or nil when it is not one.
func jsonObject(_ body: [UInt8]) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
}
