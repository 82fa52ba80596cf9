import DoormanHTTP

/// The `doorman_session` cookie, which carries the random session id.
enum SessionCookie {
    /// The cookie name.
    static let name = "doorman_session"

    /// Length of a session id from `RandomSource.token()`: 32 bytes in base64url without padding.
    static let idLength = 43

    /// Returns the session id from the request's cookies, or nil when there is none or it cannot be an id.
    ///
    /// A value of the wrong shape is dropped before it is hashed or looked up.
    static func sessionID(in request: Request) -> String? {
        let header = request.headers.values(for: "Cookie").joined(separator: "; ")
        guard let value = Cookies.parse(header).value(name) else {
            return nil
        }
        guard value.utf8.count == idLength, value.utf8.allSatisfy(isBase64URLCharacter) else {
            return nil
        }
        return value
    }

    /// Returns the `Set-Cookie` value that stores `id` for `lifetime` seconds.
    static func setting(_ id: String, lifetime: Int64, secure: Bool) -> String {
        SetCookie(
            name: name, value: id, path: "/", maxAge: Int(lifetime), httpOnly: true, secure: secure, sameSite: .lax
        ).headerValue
    }

    /// Returns the `Set-Cookie` value that makes the browser delete the cookie.
    static func clearing(secure: Bool) -> String {
        SetCookie(name: name, value: "", path: "/", maxAge: 0, httpOnly: true, secure: secure, sameSite: .lax)
            .headerValue
    }

    private static func isBase64URLCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
