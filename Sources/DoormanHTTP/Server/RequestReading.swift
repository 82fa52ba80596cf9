import CMicroHTTPD
import Logging

extension HTTPServer {
    /// Builds the `Request` from what libmicrohttpd parsed and the raw target. A malformed target or query
    /// throws a 400 whose message names the problem.
    func makeRequest(_ connection: OpaquePointer, _ state: ConnectionState, method: String) throws(HTTPError)
        -> Request
    {
        var request = fallbackRequest(connection, state, method: method)
        guard request.path.hasPrefix("/"), request.path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPError(
                .badRequest,
                "Invalid request target: expected a path starting with / and no spaces or control characters")
        }
        do {
            request.query = try URLEncodedForm.parse(request.rawQuery)
        } catch {
            throw HTTPError(.badRequest, "Invalid query string: \(error)")
        }
        request.body = state.body
        return request
    }

    /// Builds a request with everything but the parsed query and body, enough to send an error response.
    func fallbackRequest(_ connection: OpaquePointer, _ state: ConnectionState, method: String) -> Request {
        let headers = readHeaders(connection)
        let target = state.rawTarget
        let path: Substring
        let rawQuery: Substring
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            rawQuery = target[target.index(after: mark)...]
        } else {
            path = target[...]
            rawQuery = ""
        }
        let requestID = headers["X-Request-Id"].flatMap { RequestIDGenerator.isWellFormed($0) ? $0 : nil }
        // Without trusted proxies the header is never read, which saves its lookup on every request.
        let clientAddress =
            configuration.trustedProxies.isEmpty
            ? state.remoteAddress
            : ClientAddress.resolve(
                peer: state.remoteAddress, forwardedFor: headers.values(for: "X-Forwarded-For"),
                trustedProxies: configuration.trustedProxies)
        return Request(
            method: HTTPMethod(rawValue: method), path: String(path), rawQuery: rawQuery, headers: headers,
            remoteAddress: state.remoteAddress, clientAddress: clientAddress, requestID: requestID ?? requestIDs.next())
    }

    private func readHeaders(_ connection: OpaquePointer) -> HTTPHeaders {
        var headers = HTTPHeaders()
        withUnsafeMutablePointer(to: &headers) { pointer in
            _ = MHD_get_connection_values(
                connection, .HEADER_KIND,
                { context, _, name, value in
                    guard let context, let name else { return .YES }
                    let headers = context.assumingMemoryBound(to: HTTPHeaders.self)
                    headers.pointee.add(name: String(cString: name), value: value.map { String(cString: $0) } ?? "")
                    return .YES
                }, pointer)
        }
        return headers
    }

    /// Queues `response` with the request id, writes the access-log line and ends the request's bookkeeping.
    func send(_ response: Response, for request: Request, on connection: OpaquePointer, _ state: ConnectionState)
        -> MHD_Result
    {
        let handle = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let handle else {
            logger.error("cannot create response", metadata: ["request.id": "\(request.requestID)"])
            return .NO
        }
        defer { MHD_destroy_response(handle) }
        for field in response.headers where MHD_add_response_header(handle, field.name, field.value) != .YES {
            logger.error(
                "invalid response header dropped",
                metadata: ["request.id": "\(request.requestID)", "http.header": "\(field.name)"])
        }
        MHD_add_response_header(handle, "X-Request-Id", request.requestID)
        let elapsed = monotonicNanoseconds() &- state.startTime
        logAccess(request, response.status, elapsed)
        observer?.requestCompleted(request, status: response.status, durationNanoseconds: elapsed)
        return MHD_queue_response(connection, UInt32(response.status.code), handle)
    }

    /// Characters of the path that the access log keeps, so a long path cannot flood the log.
    static let loggedPathLength = 256

    /// One line per request: method, path without the query string, status, duration, request id and client address.
    /// Query strings, headers, cookies and bodies are never logged, because they can carry codes and tokens.
    private func logAccess(_ request: Request, _ status: HTTPStatus, _ elapsed: UInt64) {
        logger.info(
            "request completed",
            metadata: [
                "http.method": "\(request.method)", "http.path": "\(request.path.prefix(Self.loggedPathLength))",
                "http.status": "\(status.code)", "http.duration_ms": "\(Double(elapsed / 1000) / 1000)",
                "request.id": "\(request.requestID)", "client.address": "\(request.clientAddress)",
            ])
    }
}
