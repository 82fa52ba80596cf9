/// `Set-Cookie` response header value (RFC 6265 section 4.1) with validated name and attributes.
///
/// The defaults suit session cookies of an authorization server: `Path=/`, `HttpOnly`, `Secure` and
/// `SameSite=Lax`. Invalid arguments are programmer errors and stop the process with a message, because cookie
/// names and values come from server code, not from requests. Encode arbitrary data (for example as base64url)
/// before storing it in a value.
public struct SetCookie: Sendable, Equatable, CustomStringConvertible {
    /// Value of the `SameSite` attribute.
    public enum SameSite: String, Sendable {
        case lax = "Lax"
        case strict = "Strict"
        case none = "None"
    }

    /// Cookie name, an HTTP token.
    public let name: String

    /// Cookie value, made of `cookie-octet` characters: printable ASCII except space, `"`, `,`, `;` and `\`.
    public let value: String

    /// `Path` attribute, or nil to leave it out.
    public let path: String?

    /// `Domain` attribute, or nil to limit the cookie to the host that set it.
    public let domain: String?

    /// `Max-Age` attribute in seconds, or nil to leave it out. Zero or less deletes the cookie.
    public let maxAge: Int?

    /// `Expires` attribute as a Unix time in seconds, or nil to leave it out. Browsers prefer `Max-Age` when both
    /// are present.
    public let expires: Int64?

    /// Whether scripts cannot read the cookie.
    public let httpOnly: Bool

    /// Whether the browser sends the cookie over HTTPS only.
    public let secure: Bool

    /// `SameSite` attribute, or nil to leave it out.
    public let sameSite: SameSite?

    /// Creates a cookie and checks its arguments.
    ///
    /// Each of these is a programmer error that stops the process:
    /// - an empty name, or one that is not an HTTP token;
    /// - a value with a character outside `cookie-octet`;
    /// - a path with a control character or `;`;
    /// - a domain with a character other than letters, digits, `-` and `.`;
    /// - an `expires` before 1970 or after 9999;
    /// - `SameSite=None` without `Secure`, which browsers reject;
    /// - a `__Secure-` or `__Host-` name without the attributes that its prefix requires.
    public init(
        name: String,
        value: String,
        path: String? = "/",
        domain: String? = nil,
        maxAge: Int? = nil,
        expires: Int64? = nil,
        httpOnly: Bool = true,
        secure: Bool = true,
        sameSite: SameSite? = .lax
    ) {
        precondition(!name.isEmpty && name.utf8.allSatisfy(ASCII.isTokenCharacter), "invalid cookie name \(name)")
        precondition(value.utf8.allSatisfy(Cookies.isCookieOctet), "invalid character in the value of cookie \(name)")
        if let path {
            precondition(path.utf8.allSatisfy(Self.isPathCharacter), "invalid character in the path of cookie \(name)")
        }
        if let domain {
            precondition(Self.isValidDomain(domain), "invalid domain for cookie \(name)")
        }
        if let expires {
            precondition((0...HTTPDate.maximumUnixTime).contains(expires), "expires of cookie \(name) is out of range")
        }
        precondition(
            sameSite != SameSite.none || secure,
            "SameSite=None requires Secure, or browsers drop cookie \(name)"
        )
        Self.checkPrefixRules(name: name, path: path, domain: domain, secure: secure)

        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.maxAge = maxAge
        self.expires = expires
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// Header value, such as `sid=abc; Path=/; HttpOnly; Secure; SameSite=Lax`, with attributes in a fixed order.
    public var headerValue: String {
        var parts = [name + "=" + value]
        if let path {
            parts.append("Path=" + path)
        }
        if let domain {
            parts.append("Domain=" + domain)
        }
        if let maxAge {
            parts.append("Max-Age=" + String(maxAge))
        }
        if let expires {
            parts.append("Expires=" + HTTPDate.format(unixTime: expires))
        }
        if httpOnly {
            parts.append("HttpOnly")
        }
        if secure {
            parts.append("Secure")
        }
        if let sameSite {
            parts.append("SameSite=" + sameSite.rawValue)
        }
        return parts.joined(separator: "; ")
    }

    /// Same as `headerValue`.
    public var description: String {
        headerValue
    }

    /// Returns whether the byte may appear in a `path-value`: any character except control characters and `;`.
    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        (0x20...0x7E).contains(byte) && byte != ASCII.semicolon
    }

    private static func isValidDomain(_ domain: String) -> Bool {
        !domain.isEmpty && domain.utf8.allSatisfy { ASCII.isAlphanumeric($0) || $0 == 0x2D || $0 == 0x2E }
    }

    /// Checks the cookie prefixes that browsers enforce: `__Secure-` needs `Secure`, and `__Host-` also needs
    /// `Path=/` and no `Domain`.
    private static func checkPrefixRules(name: String, path: String?, domain: String?, secure: Bool) {
        if name.hasPrefix("__Secure-") || name.hasPrefix("__Host-") {
            precondition(secure, "cookie \(name) requires Secure because of its prefix")
        }
        if name.hasPrefix("__Host-") {
            precondition(path == "/" && domain == nil, "cookie \(name) requires Path=/ and no Domain")
        }
    }
}
