import DoormanTestSupport
import Foundation

/// A client of the demo app that keeps cookies as a browser does and never follows redirects, so each test
/// gets every status and `Location`.
final class Browser {
    let port: Int
    /// The cookies set so far, by name.
    private(set) var cookies: [String: String] = [:]

    init(port: Int) {
        self.port = port
    }

    /// Puts a cookie into the jar, as if the app had set it.
    func setCookie(_ name: String, to value: String) {
        cookies[name] = value
    }

    /// Sends `GET target`, where `target` is a path with an optional query.
    func get(_ target: String) throws -> TestConnection.Reply {
        try send("GET", target)
    }

    /// Sends `POST path` with an empty form body and the extra `headers`.
    func post(_ path: String, headers: [(String, String)] = []) throws -> TestConnection.Reply {
        try send("POST", path, headers: headers + [("Content-Type", "application/x-www-form-urlencoded")])
    }

    private func send(_ method: String, _ target: String, headers: [(String, String)] = []) throws
        -> TestConnection.Reply
    {
        var lines = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"]
        if !cookies.isEmpty {
            lines.append(
                "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        lines += headers.map { "\($0.0): \($0.1)" }
        if method == "POST" {
            lines.append("Content-Length: 0")
        }

        let connection = try TestConnection(port: port, readTimeoutSeconds: 30)
        try connection.send(lines.joined(separator: "\r\n") + "\r\n\r\n")
        let reply = try connection.readReply()
        store(reply.headers.filter { $0.name.lowercased() == "set-cookie" }.map(\.value))
        return reply
    }

    /// Keeps or deletes each cookie as its `Set-Cookie` value directs: `Max-Age=0` deletes it.
    private func store(_ setCookies: [String]) {
        for value in setCookies {
            let attributes = value.components(separatedBy: "; ")
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
    /// The `Set-Cookie` header values of the reply.
    var setCookies: [String] {
        headers.filter { $0.name.lowercased() == "set-cookie" }.map(\.value)
    }
}

/// Percent-encodes `value` for a query string.
func queryEncoded(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}
