import CMicroHTTPD
import Glibc

/// The server's state for one open connection and the request in progress on it.
///
/// libmicrohttpd hands a connection to one worker thread at a time, so only that thread touches this
/// object, except while the connection is suspended: then the asynchronous handler's task owns it until it
/// calls `MHD_resume_connection`, which orders the hand-back.
final class ConnectionState: @unchecked Sendable {
    /// The request target exactly as received, set before the access handler's first call.
    var rawTarget: String = ""
    /// Whether the access handler has seen the current request yet.
    var started = false
    var body: [UInt8] = []
    /// Body bytes received for the current request, counting those discarded past the limit.
    var receivedBytes = 0
    var startTime: UInt64 = 0
    /// The request as routed, kept while an asynchronous handler runs.
    var deferredRequest: Request?
    /// The response of a finished asynchronous handler, waiting to be queued on resume.
    var pendingResponse: Response?
    /// The client's address, read once per connection.
    private(set) lazy var remoteAddress: String = readRemoteAddress()
    private let connection: OpaquePointer

    init(connection: OpaquePointer) {
        self.connection = connection
    }

    /// Clears what the previous request on this connection left behind.
    func beginRequest(rawTarget: String) {
        self.rawTarget = rawTarget
        started = false
        receivedBytes = 0
        body.removeAll(keepingCapacity: body.capacity <= 65_536)
        deferredRequest = nil
        pendingResponse = nil
    }

    private func readRemoteAddress() -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        guard doorman_mhd_client_address(connection, &buffer, buffer.count) == 0 else { return "unknown" }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

/// Monotonic nanoseconds, for request durations.
func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}
