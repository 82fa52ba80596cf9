import DoormanTestSupport
import Foundation
import Glibc
import Testing

/// Runs the built `doorman` binary as an operator would: a real process on a loopback port.
@Suite("doorman serve as a process")
struct ServeProcessTests {
    /// A running `doorman serve` with its standard error collected.
    final class ServerProcess: @unchecked Sendable {
        let process = Process()
        let dataDirectory: URL
        private let errorPipe = Pipe()
        private let lock = NSLock()
        private var collected = Data()
        private(set) var port = 0

        init(extraArguments: [String] = []) throws {
            dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "doorman-\(UUID().uuidString)")
            process.executableURL = Self.binary
            process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory.path] + extraArguments
            process.standardError = errorPipe
            process.standardOutput = FileHandle.nullDevice
            errorPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.collected.append(data) }
            }
            try process.run()
            port = try waitForPort()
        }

        deinit {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(at: dataDirectory)
        }

        static var binary: URL {
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("doorman")
        }

        var log: String {
            lock.withLock { String(decoding: collected, as: UTF8.self) }
        }

        private func waitForPort() throws -> Int {
            for _ in 0..<200 {
                if let range = log.range(of: #"http\.port=(\d+)"#, options: .regularExpression) {
                    return Int(log[range].dropFirst("http.port=".count)) ?? 0
                }
                guard process.isRunning else { break }
                usleepSeconds(0.05)
            }
            throw TestConnection.Failure.malformed("doorman did not report its port; log: \(log)")
        }

        /// Waits for the process to exit and returns its status.
        func waitForExit(seconds: Double = 15) -> Int32? {
            for _ in 0..<Int(seconds * 20) {
                if !process.isRunning { return process.terminationStatus }
                usleepSeconds(0.05)
            }
            return nil
        }
    }

    @Test func healthzAnswersOk() throws {
        let server = try ServerProcess()
        let connection = try TestConnection(port: server.port)
        try connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        let reply = try connection.readReply()
        #expect(reply.status == 200)
        #expect(reply.text == #"{"status":"ok"}"#)
        #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.waitForExit() == 0)
    }

    @Test func sigtermLetsInFlightRequestFinish() throws {
        let server = try ServerProcess()
        let connection = try TestConnection(port: server.port)
        try connection.send("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        usleepSeconds(0.3)
        kill(server.process.processIdentifier, SIGTERM)
        usleepSeconds(0.5)
        #expect(server.process.isRunning)
        try connection.send("defghij")
        let reply = try connection.readReply()
        #expect(reply.status == 405)
        #expect(server.waitForExit() == 0)
        #expect(server.log.contains("shutdown finished"))
    }

    @Test func accessLogLeavesOutQueryAndSecrets() throws {
        let server = try ServerProcess()
        let connection = try TestConnection(port: server.port)
        try connection.send(
            "GET /healthz?code=code-secret-1 HTTP/1.1\r\nHost: x\r\nCookie: sid=cookie-secret-2\r\n"
                + "Authorization: Bearer token-secret-3\r\nX-Request-Id: trace-77\r\n\r\n")
        #expect(try connection.readReply().status == 200)
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.waitForExit() == 0)
        let log = server.log
        #expect(log.contains("http.path=/healthz "))
        #expect(log.contains("request.id=trace-77"))
        #expect(log.contains("http.status=200"))
        for secret in ["code-secret-1", "cookie-secret-2", "token-secret-3"] {
            #expect(!log.contains(secret))
        }
    }

    @Test func accessLogCutsLongPaths() throws {
        let server = try ServerProcess()
        let connection = try TestConnection(port: server.port)
        try connection.send("GET /\(String(repeating: "x", count: 4000)) HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try connection.readReply().status == 404)
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.waitForExit() == 0)
        #expect(server.log.contains("http.path=/" + String(repeating: "x", count: 255) + " "))
        #expect(!server.log.contains(String(repeating: "x", count: 256)))
    }

    @Test func busyPortExitsWithClearError() throws {
        let first = try ServerProcess()
        let second = Process()
        let errors = Pipe()
        second.executableURL = ServerProcess.binary
        second.arguments = ["serve", "--port", "\(first.port)", "--data-dir", first.dataDirectory.path]
        second.standardError = errors
        try second.run()
        second.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus == 1)
        #expect(message.contains("cannot listen on 127.0.0.1 port \(first.port): bind failed: address already in use"))
    }

    @Test func badFlagValueExitsWithStatus2() throws {
        let process = Process()
        let errors = Pipe()
        process.executableURL = ServerProcess.binary
        process.arguments = ["serve", "--port", "eighty"]
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 2)
        #expect(message.contains("--port"))
        #expect(message.contains("DOORMAN_PORT"))
    }
}
