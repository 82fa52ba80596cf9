import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An overall time limit on one transport call.
///
/// `URLRequest.timeoutInterval` alone is not enough: on Linux, FoundationNetworking truncates it to whole
/// seconds and treats it as an idle timeout that restarts whenever data arrives, so a sub-second limit
/// disables it and a server that trickles bytes never trips it.
enum Deadline {
    /// Returns what `transport` sends back for `request`, or throws `URLError(.timedOut)` once `limit` has
    /// passed, cancelling the send.
    static func send(
        _ request: URLRequest, over transport: any HTTPTransport, limit: Duration
    ) async throws -> (Data, HTTPURLResponse) {
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            group.addTask {
                let (data, response) = try await transport.send(request)
                return .response(data, response)
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return .expired
            }

            // Both children only return or throw, so the group yields at least one result.
            let first = try await group.next()!
            group.cancelAll()
            switch first {
            case .response(let data, let response):
                return (data, response)
            case .expired:
                throw URLError(.timedOut)
            }
        }
    }

    private enum Outcome: Sendable {
        case response(Data, HTTPURLResponse)
        case expired
    }
}
