import DoormanHTTP
import DoormanTestSupport
import Foundation

/// A browser stand-in for page tests: sends requests to a live server over new connections and keeps cookies.
///
/// Each request blocks on a socket, so it runs on a thread of its own. Swift Testing runs tests on the
/// cooperative pool, which has one thread per core, and blocking those threads would starve the `addAsync`
/// handlers that other tests run at the same time. For the same reason each page suite is `.serialized`: with
/// all page tests in parallel, the `addAsync` test of the HTTP server missed its 10-second read timeout in two
/// of three full runs on a two-core machine, and in none of six runs with the suites serialized.
final class PageClient {
    let port: Int
    /// Cookies set by the server, by name, as a browser would send them back.
    private(set) var cookies: [String: String] = [:]

    init(port: Int) {
        self.port = port
    }

    /// Sends `GET target`.
    func get(_ target: String, headers: [(String, String)] = []) async throws -> TestConnection.Reply {
        try await send("GET", target, headers: headers, body: [])
    }

    /// Sends `POST target` with `fields` as an `application/x-www-form-urlencoded` body.
    func post(_ target: String, form fields: [(String, String)]) async throws -> TestConnection.Reply {
        let body = URLEncodedForm(fields.map { URLEncodedForm.Pair(name: $0.0, value: $0.1) }).serialized()
        return try await send(
            "POST", target, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    /// Sends one request on a new connection, with the kept cookies, and stores the cookies of the reply.
    func send(_ method: String, _ target: String, headers: [(String, String)], body: [UInt8]) async throws
        -> TestConnection.Reply
    {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if !cookies.isEmpty {
            head +=
                "Cookie: "
                + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: "; ") + "\r\n"
        }
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"

        let bytes = Array(head.utf8) + body
        let port = port
        let reply = try await Self.onOwnThread {
            let connection = try TestConnection(port: port)
            try connection.send(bytes)
            return ReplyBox(reply: try connection.readReply())
        }.reply
        keepCookies(from: reply)
        return reply
    }

    /// Carries a reply from the request thread back to the test, which is its only user from then on.
    private struct ReplyBox: @unchecked Sendable {
        let reply: TestConnection.Reply
    }

    /// Runs `body` on a new thread and suspends until it returns.
    private static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// Replaces the kept value of cookie `name`, or removes it when `value` is nil.
    func setCookie(_ name: String, _ value: String?) {
        cookies[name] = value
    }

    private func keepCookies(from reply: TestConnection.Reply) {
        for field in reply.headers where field.name.lowercased() == "set-cookie" {
            let attributes = field.value.split(separator: ";").map(PageText.trimmingSpaces)
            guard let pair = attributes.first, let equals = pair.firstIndex(of: "=") else {
                continue
            }
            let name = String(pair[..<equals])
            if attributes.contains("Max-Age=0") {
                cookies[name] = nil
            } else {
                cookies[name] = String(pair[pair.index(after: equals)...])
            }
        }
    }
}

extension TestConnection.Reply {
    /// Returns every value of the header field `name`.
    func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The hidden form fields of an HTML page, unescaped, in document order.
    var hiddenFields: [(name: String, value: String)] {
        PageText.components(of: text, between: "<input type=\"hidden\"", and: ">").compactMap { tag in
            guard let name = PageText.attribute("name", in: tag), let value = PageText.attribute("value", in: tag)
            else {
                return nil
            }
            return (name, value)
        }
    }

    /// Returns the value of the first hidden field `name`, or nil.
    func hiddenField(_ name: String) -> String? {
        hiddenFields.first { $0.name == name }?.value
    }

    /// The query parameters of the `Location` field, decoded.
    var locationQuery: URLEncodedForm? {
        guard let location = header("Location"), let mark = location.firstIndex(of: "?") else {
            return nil
        }
        return try? URLEncodedForm.parse(location[location.index(after: mark)...])
    }
}

/// Small text helpers for reading pages, kept in a namespace so that other test files can add their own.
enum PageText {
    /// Returns the pieces of `text` between each `start` and the next `end`.
    static func components(of text: String, between start: String, and end: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: start) {
            rest = rest[open.upperBound...]
            guard let close = rest.firstRange(of: end) else {
                break
            }
            pieces.append(String(rest[..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return pieces
    }

    /// Returns the unescaped value of `name="..."` in a tag's text, or nil.
    static func attribute(_ name: String, in tag: String) -> String? {
        components(of: tag, between: " \(name)=\"", and: "\"").first.map(unescape)
    }

    /// Reverses `HTML.escape`.
    static func unescape(_ text: String) -> String {
        text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }

    /// `text` without spaces at either end.
    static func trimmingSpaces(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
