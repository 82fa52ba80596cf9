import Dispatch
import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Logging
import Synchronization

/// Runs blocking `work` on a Dispatch thread and suspends until it finishes.
///
/// Tests that wait on a socket must not block a thread of Swift's cooperative pool, which has one thread per core.
/// The server runs its asynchronous routes on that pool, so a test of another suite that waits for such a route
/// times out while blocked API tests occupy every thread.
func runBlocking<T>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    let result = try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<Unchecked<T>, any Error>) in
        DispatchQueue.global().async {
            continuation.resume(with: Result { Unchecked(value: try work()) })
        }
    }
    return result.value
}

/// A value handed from the thread that made it to the task that awaits it, and used by that task alone.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
}

/// A clock that tests set and advance, for expiry without sleeping.
final class TestClock: Sendable {
    private let seconds: Mutex<Int64>

    init(_ start: Int64) {
        seconds = Mutex(start)
    }

    /// The current time in Unix seconds.
    var now: Int64 {
        seconds.withLock { $0 }
    }

    func advance(by delta: Int64) {
        seconds.withLock { $0 += delta }
    }
}

/// Log records that a `CapturingLogHandler` received, shared across the handler's copies.
final class CapturedLog: Sendable {
    /// One record: its level, its message and its metadata as text.
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let storage = Mutex<[Record]>([])

    var records: [Record] {
        storage.withLock { $0 }
    }

    /// The records whose message is `message`.
    func records(_ message: String) -> [Record] {
        records.filter { $0.message == message }
    }

    fileprivate func append(_ record: Record) {
        storage.withLock { $0.append(record) }
    }
}

/// A log handler that keeps every record at debug level and above in a `CapturedLog`.
struct CapturingLogHandler: LogHandler {
    let log: CapturedLog
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        let text = (metadata ?? [:]).mapValues(\.description)
        log.append(CapturedLog.Record(level: level, message: message.description, metadata: text))
    }
}

/// A client that sends each request on a new loopback connection and reads one reply.
struct TestClient: Sendable {
    let port: Int

    /// Sends a request with `Host`, `headers` and, for a body or a POST, `Content-Length`, and returns the reply.
    func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) async throws -> TestConnection.Reply {
        let request = Self.requestBytes(method, target, headers: headers, body: body)
        let port = port
        return try await runBlocking {
            let connection = try TestConnection(port: port)
            try connection.send(request)
            return try connection.readReply()
        }
    }

    /// Returns the bytes of an HTTP/1.1 request.
    static func requestBytes(
        _ method: String, _ target: String, headers: [(String, String)], body: [UInt8]
    ) -> [UInt8] {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        if !body.isEmpty || method == "POST" {
            head += "Content-Length: \(body.count)\r\n"
        }
        return Array((head + "\r\n").utf8) + body
    }

    /// Posts `parameters` form-encoded to `path`.
    func postForm(
        _ path: String, _ parameters: [(String, String)], headers: [(String, String)] = []
    ) async throws -> TestConnection.Reply {
        let body = FormURLEncoding.encode(parameters.map { (name: $0.0, value: $0.1) })
        let contentType = ("Content-Type", "application/x-www-form-urlencoded")
        return try await send("POST", path, headers: [contentType] + headers, body: Array(body.utf8))
    }

    /// Posts the JSON text `json` to `path`.
    func postJSON(
        _ path: String, _ json: String, headers: [(String, String)] = []
    ) async throws -> TestConnection.Reply {
        try await send("POST", path, headers: [("Content-Type", "application/json")] + headers, body: Array(json.utf8))
    }

    /// Sends `GET target` with `Authorization: Bearer <token>` when `token` is given.
    func get(_ target: String, token: String?) async throws -> TestConnection.Reply {
        try await send("GET", target, headers: token.map { [("Authorization", "Bearer \($0)")] } ?? [])
    }
}

extension TestConnection.Reply {
    /// The body parsed as JSON, or `null` when it does not parse, so that checks on it fail visibly.
    var json: JSONValue {
        (try? JSONValue.parse(body)) ?? .null
    }

    /// The `error` member of an OAuth error body.
    var oauthError: String? {
        json["error"]?.stringValue
    }

    /// The `error_description` member of an OAuth error body.
    var errorDescription: String? {
        json["error_description"]?.stringValue
    }

    /// The `message` member of a v5 API error body.
    var message: String? {
        json["message"]?.stringValue
    }
}

/// Returns the `Authorization` header with Basic credentials built from `id` and `secret` as given, which
/// the caller has form-urlencoded already where the test needs it.
func basicHeader(id: String, secret: String) -> (String, String) {
    ("Authorization", "Basic " + base64(Array("\(id):\(secret)".utf8)))
}

/// Returns the standard base64 of `bytes`, with padding.
func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var output = ""
    for start in stride(from: 0, to: bytes.count, by: 3) {
        let chunk = Array(bytes[start..<min(start + 3, bytes.count)]) + [0, 0]
        let value = Int(chunk[0]) << 16 | Int(chunk[1]) << 8 | Int(chunk[2])
        let count = min(3, bytes.count - start)
        for position in 0..<4 {
            output.append(position <= count ? alphabet[(value >> (18 - 6 * position)) & 0x3F] : "=")
        }
    }
    return output
}
