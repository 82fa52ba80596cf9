import DoormanHTTP

/// Random session ids: 32 bytes from the system's secure generator, in base64url without padding.
enum SessionID {
    /// The length of an id: 43 characters.
    static let length = 43

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Makes a new id. `SystemRandomNumberGenerator` reads the kernel's cryptographically secure source.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return encode(bytes)
    }

    /// Returns whether `value` has the length and the alphabet of an id, so that other values are dropped
    /// before any lookup.
    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == length && value.utf8.allSatisfy { alphabet.contains($0) }
    }

    /// Encodes `bytes` in base64url without padding (RFC 4648 section 5).
    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group: UInt32 = 0
            for (offset, byte) in chunk.enumerated() {
                group |= UInt32(byte) << (16 - 8 * offset)
            }
            // Three bytes make four characters, and a shorter last chunk one character more than its bytes.
            for position in 0...chunk.count {
                output.append(alphabet[Int((group >> (18 - 6 * position)) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// The app's two cookies, each holding only a `SessionID`.
enum SessionCookie: String {
    /// The signed-in session. Its name differs from Doorman's own `doorman_session`, because browsers share
    /// cookies between ports of one host, and the demo runs both servers on 127.0.0.1.
    case member = "demo_session"
    /// The sign-in started at `POST /login`, until the callback.
    case pending = "demo_signin"

    /// Returns the id that this cookie carries in `request`, or nil when it is missing or malformed.
    func id(in request: Request) -> String? {
        let header = request.headers.values(for: "Cookie").joined(separator: "; ")
        guard let value = Cookies.parse(header).value(rawValue), SessionID.isWellFormed(value) else {
            return nil
        }
        return value
    }

    /// Returns the `Set-Cookie` value that stores `id` for `lifetime` seconds: `HttpOnly`, `SameSite=Lax`,
    /// `Path=/`, and `Secure` when the app is served over https.
    func setting(_ id: String, lifetime: Double, secure: Bool) -> String {
        SetCookie(
            name: rawValue, value: id, path: "/", maxAge: Int(lifetime), httpOnly: true, secure: secure,
            sameSite: .lax
        ).headerValue
    }

    /// Returns the `Set-Cookie` value that deletes the cookie.
    func clearing(secure: Bool) -> String {
        SetCookie(name: rawValue, value: "", path: "/", maxAge: 0, httpOnly: true, secure: secure, sameSite: .lax)
            .headerValue
    }
}
