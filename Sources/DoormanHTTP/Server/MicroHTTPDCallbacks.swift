import CMicroHTTPD
import Glibc
import Logging

// libmicrohttpd calls these on its worker threads. C callbacks cannot capture, so each finds the server
// through the `cls` pointer and the connection's state through the socket context.

/// Creates and releases the per-connection state as connections open and close.
let connectionChanged: MHD_NotifyConnectionCallback = { _, connection, socketContext, code in
    guard let connection, let socketContext else { return }
    if code == .CONNECTION_NOTIFY_STARTED {
        socketContext.pointee = Unmanaged.passRetained(ConnectionState(connection: connection)).toOpaque()
    } else if let pointer = socketContext.pointee {
        Unmanaged<ConnectionState>.fromOpaque(pointer).release()
        socketContext.pointee = nil
    }
}

/// Receives the raw request target before libmicrohttpd parses it; its result becomes the request context.
let requestStarted:
    @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?)
        -> UnsafeMutableRawPointer? = { _, target, connection in
            guard let connection, let pointer = doorman_mhd_socket_context(connection) else { return nil }
            let state = Unmanaged<ConnectionState>.fromOpaque(pointer).takeUnretainedValue()
            state.beginRequest(rawTarget: target.map { String(cString: $0) } ?? "")
            if let target {
                hideQueryFromLibrary(target)
            }
            return pointer
        }

/// Ends the target in libmicrohttpd's buffer right after `?`, once Doorman has copied it.
///
/// Doorman parses the query itself from the copy. libmicrohttpd would also store every query parameter in the
/// connection's memory pool, where a few hundred short parameters exhaust it. libmicrohttpd then sends no
/// response at all until the connection times out. The target lies in the connection's read buffer, which
/// libmicrohttpd owns and keeps writable, and nothing reads the query from there afterwards.
private func hideQueryFromLibrary(_ target: UnsafePointer<CChar>) {
    guard let mark = strchr(target, Int32(UInt8(ascii: "?"))) else {
        return
    }
    mark.advanced(by: 1).pointee = 0
}

/// Runs once per chunk of the request and once more when it is complete.
let accessHandler: MHD_AccessHandlerCallback = {
    serverPointer, connection, _, method, _, uploadData, uploadSize, requestContext in
    guard let serverPointer, let connection, let method, let uploadSize,
        let pointer = requestContext?.pointee
    else { return .NO }
    let server = Unmanaged<HTTPServer>.fromOpaque(serverPointer).takeUnretainedValue()
    let state = Unmanaged<ConnectionState>.fromOpaque(pointer).takeUnretainedValue()
    let chunk = UnsafeRawBufferPointer(start: uploadData, count: uploadSize.pointee)
    uploadSize.pointee = 0
    return server.handle(connection, state, method: method, chunk: chunk)
}

/// Marks the end of a request that reached the access handler, finished or aborted.
let requestCompleted: MHD_RequestCompletedCallback = { serverPointer, _, requestContext, _ in
    guard let serverPointer, let pointer = requestContext?.pointee else { return }
    let server = Unmanaged<HTTPServer>.fromOpaque(serverPointer).takeUnretainedValue()
    let state = Unmanaged<ConnectionState>.fromOpaque(pointer).takeUnretainedValue()
    if state.started {
        state.started = false
        server.inFlightRequests.subtract(1, ordering: .releasing)
    }
}

/// Logs libmicrohttpd's own messages and keeps the last one, which explains a failed start.
let libraryMessage: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = {
    serverPointer, message in
    guard let serverPointer, let message else { return }
    let server = Unmanaged<HTTPServer>.fromOpaque(serverPointer).takeUnretainedValue()
    let text = String(cString: message)
    server.lastLibraryMessage.withLock { $0 = text }
    server.logger.notice("libmicrohttpd reported a problem", metadata: ["error": "\(text)"])
}
