import DoormanClient
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A transport that counts the requests it sends and forwards each to a real `URLSessionTransport`, once
/// its gate is open.
///
/// Holding requests at the gate lets a test gather every concurrent caller before the first request can
/// finish, so a coalescing test does not depend on timing.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    private let forward = URLSessionTransport()
    private let lock = NSLock()
    private var sent = 0
    private var isOpen: Bool
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Creates a transport whose gate starts open or closed.
    init(open: Bool = true) {
        isOpen = open
    }

    /// The number of requests sent so far, counted when they reach the gate.
    var requestCount: Int {
        lock.withLock { sent }
    }

    /// Opens the gate and releases every request waiting at it.
    func open() {
        let released = lock.withLock {
            isOpen = true
            defer { waiting = [] }
            return waiting
        }
        for continuation in released {
            continuation.resume()
        }
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        await withCheckedContinuation { continuation in
            let passes = lock.withLock {
                sent += 1
                if !isOpen {
                    waiting.append(continuation)
                }
                return isOpen
            }
            if passes {
                continuation.resume()
            }
        }
        return try await forward.send(request)
    }
}
