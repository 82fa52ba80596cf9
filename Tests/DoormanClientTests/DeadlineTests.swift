import Foundation
import Testing

@testable import DoormanClient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

struct DeadlineTests {
    /// A transport that never returns a response and records whether its send was cancelled.
    private final class SilentTransport: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false

        var sawCancellation: Bool {
            lock.withLock { cancelled }
        }

        func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
            do {
                try await Task.sleep(for: .seconds(60))
            } catch {
                lock.withLock { cancelled = true }
                throw error
            }
            throw URLError(.unknown)
        }
    }

    @Test func expiredDeadlineThrowsTimedOut() async {
        let transport = SilentTransport()
        let request = URLRequest(url: URL(string: "http://127.0.0.1:9/")!)

        await #expect(throws: URLError(.timedOut)) {
            try await Deadline.send(request, over: transport, limit: .milliseconds(50))
        }
    }

    @Test func expiredDeadlineCancelsTheSend() async throws {
        let transport = SilentTransport()
        let request = URLRequest(url: URL(string: "http://127.0.0.1:9/")!)

        _ = try? await Deadline.send(request, over: transport, limit: .milliseconds(50))

        #expect(transport.sawCancellation)
    }
}
