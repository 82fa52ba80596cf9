import DoormanHTTP
import DoormanTestSupport

/// A browser stand-in for page tests: sends requests to a live server over new connections and keeps cookies.
final class PageClient {
    let port: Int
    /// Cookies set by the server, by name, as a browser would send them back.
    private(set) var cookies: [String: String] = [:]

    init(port: Int) {
        self.port = port
    }

    /// Sends `GET target`.
    func get(_ target: String, headers: [(String, String)] = []) throws -> TestConnection.Reply {
        try send("GET", target, headers: headers, body: [])
    }

    /// Sends `POST target` with `fields` as an `application/x-www-form-urlencoded` body.
    func post(_ target: String, form fields: [(String, String)]) throws -> TestConnection.Reply {
        let body = URLEncodedForm(fields.map { URLEncodedForm.Pair(name: $0.0, value: $0.1) }).serialized()
        return try send(
            "POST", target, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    /// Sends one request on a new connection, with the kept cookies, and stores the cookies of the reply.
    func send(_ method: String, _ target: String, headers: [(String, String)], body: [UInt8]) throws
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

        let connection = try TestConnection(port: port)
        try connection.send(Array(head.utf8) + body)
        let reply = try connection.readReply()
        keepCookies(from: reply)
        return reply
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
    /// Every value of the header field `name`.
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

    /// The value of the first hidden field `name`, or nil.
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
    /// The pieces of `text` between each `start` and the next `end`.
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

    /// The unescaped value of `name="..."` in a tag's text, or nil.
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
