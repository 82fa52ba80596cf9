import Dispatch
import DoormanHTTP
import DoormanTestSupport
import Glibc
import Synchronization
import Testing

@Suite("HTTP server on a live loopback port")
struct HTTPServerTests {
    @Test func servesRouteAndRequestID() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let reply = try connection.readReply()
            #expect(reply.status == 200)
            #expect(reply.text == "hello")
            #expect(reply.header("X-Request-Id")?.isEmpty == false)
        }
    }

    @Test func keepsWellFormedRequestIDAndReplacesOthers() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Request-Id: trace-42.a:b\r\n\r\n")
            #expect(try connection.readReply().header("X-Request-Id") == "trace-42.a:b")
            try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Request-Id: bad id\"<x>\r\n\r\n")
            let replaced = try connection.readReply().header("X-Request-Id")
            #expect(replaced != nil)
            #expect(replaced?.contains(" ") == false)
        }
    }

    @Test func reusesKeepAliveConnection() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            for _ in 0..<5 {
                try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                let reply = try connection.readReply()
                #expect(reply.status == 200)
                #expect(reply.header("Connection")?.lowercased() != "close")
            }
        }
    }

    @Test func answersUnknownPathWith404() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            try connection.send("GET /missing?x=1 HTTP/1.1\r\nHost: x\r\n\r\n")
            let reply = try connection.readReply()
            #expect(reply.status == 404)
            #expect(reply.text == #"{"message":"Route /missing not found"}"#)
        }
    }

    @Test func answersWrongMethodWith405AndAllow() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            try connection.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let reply = try connection.readReply()
            #expect(reply.status == 405)
            #expect(reply.header("Allow") == "GET, HEAD")
        }
    }

    @Test func readsPathParameters() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            try connection.send("GET /items/prod_%41b HTTP/1.1\r\nHost: x\r\n\r\n")
            let reply = try connection.readReply()
            #expect(reply.status == 200)
            #expect(reply.text == "prod_Ab")
        }
    }

    @Test func rejectsMalformedQueryWith400() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            try connection.send("GET /hello?code=%G1 HTTP/1.1\r\nHost: x\r\n\r\n")
            let reply = try connection.readReply()
            #expect(reply.status == 400)
            #expect(reply.text.contains("Invalid query string"))
        }
    }

    /// libmicrohttpd would keep every query parameter in the connection's small memory pool and, once it is full,
    /// send nothing at all. Doorman's own parser handles the query instead.
    @Test(arguments: [(300, 200), (999, 200), (1500, 400)])
    func answersQueryWithManyParameters(count: Int, status: Int) throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port, readTimeoutSeconds: 5)
            let query = (0..<count).map { "p\($0)=v" }.joined(separator: "&")
            try connection.send("GET /hello?\(query) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try connection.readReply().status == status)
        }
    }

    @Test func echoesBody() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            let body = String(repeating: "a", count: 100_000)
            try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            let reply = try connection.readReply()
            #expect(reply.status == 200)
            #expect(reply.body.count == 100_000)
        }
    }

    @Test func rejectsTwoMebibyteBodyWith413() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            let size = 2 * 1_048_576
            try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(size)\r\n\r\n")
            let reply = try connection.readReply()
            #expect(reply.status == 413)
            #expect(reply.text.contains("1048576"))
        }
    }

    @Test func rejectsOversizeChunkedBodyWith413() throws {
        try withLiveServer(testRouter(), configure: { $0.maxBodyBytes = 1000 }) { _, port in
            let connection = try TestConnection(port: port)
            let chunk = String(repeating: "b", count: 600)
            try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            try connection.send("258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n")
            #expect(try connection.readReply().status == 413)
        }
    }

    @Test func rejects64KiBHeaderWith431() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            let value = String(repeating: "h", count: 65_536)
            try? connection.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: \(value)\r\n\r\n")
            #expect(try connection.readReply().status == 431)
        }
    }

    @Test(arguments: [
        "GET /hello\r\nHost: x\r\n\r\n",
        "GET hello HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /a\u{01}b HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /hello HTTP/1.1\r\nBad Header\r\n\r\n",
        "GET /hello HTTP/1.1\r\n\r\n",
    ])
    func rejectsMalformedRequestWith400(request: String) throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            try connection.send(request)
            #expect(try connection.readReply().status == 400)
        }
    }

    /// libmicrohttpd closes the connection without a status when it cannot split the request line: no spaces at
    /// all, or a space inside the target.
    @Test(arguments: ["NONSENSE\r\n\r\n", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"])
    func closesOnUnparsableRequestLineAndKeepsServing(request: String) throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            try connection.send(request)
            #expect(connection.isClosedByPeer())
            let next = try TestConnection(port: port)
            try next.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try next.readReply().status == 200)
        }
    }

    @Test func hidesHandlerErrorsBehind500() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            try connection.send("GET /fail HTTP/1.1\r\nHost: x\r\n\r\n")
            let reply = try connection.readReply()
            #expect(reply.status == 500)
            #expect(reply.text == #"{"message":"Internal server error"}"#)
        }
    }

    @Test func runsAsynchronousHandler() throws {
        try withLiveServer(testRouter()) { _, port in
            let connection = try TestConnection(port: port)
            for _ in 0..<3 {
                try connection.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n")
                let reply = try connection.readReply()
                #expect(reply.status == 200)
                #expect(reply.text == "awaited")
            }
        }
    }

    /// Blocks every thread of Swift's global executor; asynchronous handlers run on the server's own queue.
    @Test func runsAsynchronousHandlerWhileGlobalExecutorIsBlocked() throws {
        try withLiveServer(testRouter()) { _, port in
            let threads = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
            let blockers = (0..<threads).map { _ in Task.detached { usleepSeconds(1.5) } }
            usleepSeconds(0.1)
            let connection = try TestConnection(port: port, readTimeoutSeconds: 1)
            try connection.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try connection.readReply().text == "awaited")
            for blocker in blockers { blocker.cancel() }
        }
    }

    @Test func closesStalledConnectionAndKeepsServing() throws {
        try withLiveServer(testRouter(), configure: { $0.connectionTimeout = 1 }) { _, port in
            let stalled = try TestConnection(port: port, readTimeoutSeconds: 5)
            try stalled.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Half: ")
            let other = try TestConnection(port: port)
            try other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try other.readReply().status == 200)
            let started = ContinuousClock.now
            #expect(stalled.isClosedByPeer())
            #expect(ContinuousClock.now - started < .seconds(4))
            let after = try TestConnection(port: port)
            try after.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try after.readReply().status == 200)
        }
    }

    @Test func limitsConnectionsPerAddress() throws {
        try withLiveServer(testRouter(), configure: { $0.maxConnectionsPerIP = 2 }) { _, port in
            let first = try TestConnection(port: port)
            let second = try TestConnection(port: port)
            try first.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try first.readReply().status == 200)
            try second.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try second.readReply().status == 200)
            let third = try TestConnection(port: port, readTimeoutSeconds: 3)
            #expect(third.isClosedByPeer())
            try first.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try first.readReply().status == 200)
        }
    }

    /// At the limit libmicrohttpd stops accepting, so a further connection waits in the listen backlog
    /// until a slot frees.
    @Test func limitsTotalConnections() throws {
        try withLiveServer(testRouter(), configure: { $0.maxConnections = 1; $0.threads = 1 }) { _, port in
            var first: TestConnection? = try TestConnection(port: port)
            try first?.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try first?.readReply().status == 200)
            let second = try TestConnection(port: port, readTimeoutSeconds: 1)
            try second.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(throws: TestConnection.Failure.self) { try second.readReply() }
            first = nil
            #expect(try second.readReply().status == 200)
        }
    }

    @Test func answers2000RequestsOver50Connections() throws {
        try withLiveServer(testRouter()) { _, port in
            let answered = Atomic<Int>(0)
            let failures = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 50) { _ in
                do {
                    let connection = try TestConnection(port: port)
                    for _ in 0..<40 {
                        try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                        if try connection.readReply().status == 200 { answered.add(1, ordering: .relaxed) }
                    }
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }
            #expect(failures.load(ordering: .relaxed) == 0)
            #expect(answered.load(ordering: .relaxed) == 2000)
        }
    }

    @Test func shutdownLetsSlowRequestFinish() throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, router: testRouter(), logger: quietLogger())
        try server.start()
        let port = try #require(server.port)
        let connection = try TestConnection(port: port)
        try connection.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        usleepSeconds(0.2)
        let drained = Mutex<Bool?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { drained.withLock { $0 = server.shutdown() } }
        let reply = try connection.readReply()
        #expect(reply.status == 200)
        #expect(reply.text == "finished")
        group.wait()
        #expect(drained.withLock { $0 } == true)
        #expect(throws: TestConnection.Failure.self) { try TestConnection(port: port) }
    }

    @Test func shutdownRefusesConnectionsWhileDraining() throws {
        // The handler holds its request until the test releases it, so the server is draining for as long as the
        // test needs, however slowly a loaded machine runs the shutdown thread.
        let release = DispatchSemaphore(value: 0)
        var router = Router()
        router.get("/held") { _ in
            _ = release.wait(timeout: .now() + 30)
            return Response(contentType: "text/plain", text: "released")
        }
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, router: router, logger: quietLogger())
        try server.start()
        let port = try #require(server.port)
        let held = try TestConnection(port: port)
        try held.send("GET /held HTTP/1.1\r\nHost: x\r\n\r\n")
        usleepSeconds(0.2)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { server.shutdown() }

        // A refused connection lets a load balancer try another instance, even for a POST. A connection that the
        // kernel queued would be reset when the server stops, after the balancer had sent the request.
        let deadline = ContinuousClock.now + .seconds(20)
        var refused = false
        while !refused, ContinuousClock.now < deadline {
            do {
                _ = try TestConnection(port: port)
                usleepSeconds(0.05)
            } catch {
                refused = true
            }
        }
        release.signal()

        #expect(refused)
        #expect(try held.readReply().status == 200)
        group.wait()
    }

    @Test func reportsBusyPortClearly() throws {
        try withLiveServer(testRouter()) { _, port in
            var configuration = HTTPServerConfiguration()
            configuration.port = port
            let second = HTTPServer(configuration: configuration, router: testRouter(), logger: quietLogger())
            #expect {
                try second.start()
            } throws: { error in
                String(describing: error).contains("cannot listen on 127.0.0.1 port \(port)")
            }
        }
    }
}
