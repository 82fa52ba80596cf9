import CMicroHTTPD
import Logging

/// The connection pointer, handed to the task of an asynchronous handler; `MHD_resume_connection` orders
/// the hand-back to libmicrohttpd.
struct SuspendedConnection: @unchecked Sendable {
    let pointer: OpaquePointer
}

extension HTTPServer {
    /// One call of the access handler: the first call starts the request, later ones carry body chunks,
    /// and the call with no data after the body runs the handler.
    func handle(
        _ connection: OpaquePointer, _ state: ConnectionState, method: UnsafePointer<CChar>,
        chunk: UnsafeRawBufferPointer
    ) -> MHD_Result {
        if !state.started {
            return startRequest(connection, state)
        }
        if !chunk.isEmpty {
            return receiveBody(connection, state, chunk)
        }
        if let response = state.pendingResponse, let request = state.deferredRequest {
            return send(response, for: request, on: connection, state)
        }
        if state.receivedBytes > configuration.maxBodyBytes {
            return rejectLargeBody(connection, state)
        }
        let request: Request
        do {
            request = try makeRequest(connection, state, method: String(cString: method))
        } catch {
            let fallback = fallbackRequest(connection, state, method: String(cString: method))
            return send(error.response(for: fallback), for: fallback, on: connection, state)
        }
        switch responder.respond(to: request) {
        case .response(let response, let routed):
            return send(response, for: routed, on: connection, state)
        case .deferred(let routed, let handler):
            return suspend(connection, state, routed, handler)
        }
    }

    private func startRequest(_ connection: OpaquePointer, _ state: ConnectionState) -> MHD_Result {
        state.started = true
        state.startTime = monotonicNanoseconds()
        inFlightRequests.add(1, ordering: .relaxed)
        let declared = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length")
            .flatMap { Int(String(cString: $0)) }
        if let declared, declared > configuration.maxBodyBytes {
            return rejectLargeBody(connection, state)
        }
        return .YES
    }

    /// Appends a chunk of the body. libmicrohttpd queues no response mid-body, so a body without
    /// `Content-Length` that grows past the limit gets its 413 only when it ends. The rest is discarded until
    /// then, and a client that sends more than `discardLimit` bytes has its connection closed.
    private func receiveBody(
        _ connection: OpaquePointer, _ state: ConnectionState, _ chunk: UnsafeRawBufferPointer
    ) -> MHD_Result {
        state.receivedBytes += chunk.count
        if state.receivedBytes > configuration.maxBodyBytes {
            state.body.removeAll()
            return state.receivedBytes > discardLimit ? .NO : .YES
        }
        state.body.append(contentsOf: chunk)
        return .YES
    }

    private var discardLimit: Int { max(configuration.maxBodyBytes * 4, 4 * 1_048_576) }

    /// Sends 413 before the body is read. libmicrohttpd then closes the connection instead of reading on.
    private func rejectLargeBody(_ connection: OpaquePointer, _ state: ConnectionState) -> MHD_Result {
        let request = fallbackRequest(connection, state, method: "")
        let error = HTTPError(
            .contentTooLarge, "Request body is larger than the limit of \(configuration.maxBodyBytes) bytes")
        return send(error.response(for: request), for: request, on: connection, state)
    }

    private func suspend(
        _ connection: OpaquePointer, _ state: ConnectionState, _ request: Request,
        _ handler: @escaping AsynchronousHandler
    ) -> MHD_Result {
        state.deferredRequest = request
        suspendedConnections.add(1, ordering: .relaxed)
        MHD_suspend_connection(connection)
        let suspended = SuspendedConnection(pointer: connection)
        let responder = self.responder
        let server = self
        Task(executorPreference: handlerExecutor) {
            let response = await responder.complete(request, with: handler)
            state.pendingResponse = response
            MHD_resume_connection(suspended.pointer)
            server.suspendedConnections.subtract(1, ordering: .releasing)
        }
        return .YES
    }
}
