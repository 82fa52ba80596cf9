/// A reason why a redirect URI cannot be registered.
public enum RedirectURIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Longer than `RedirectURI.maximumLength` UTF-8 bytes.
    case tooLong(length: Int)
    /// Contains a character outside printable ASCII, such as a look-alike letter, a space or a control character.
    case invalidCharacter(Unicode.Scalar, offset: Int)
    /// Contains a backslash, which some browsers read as `/`.
    case backslash
    /// Contains a fragment (`#`), which RFC 6749 section 3.1.2 forbids.
    case fragment
    /// Contains a comma, the sign of several URIs joined into one value.
    case comma
    /// Contains `%2E`, `%2F` or `%5C` in either case: an encoded dot, slash or backslash.
    case encodedDotOrSlash
    /// Does not start with `scheme://`.
    case notAbsolute
    /// Uses a scheme other than `https` or `http`.
    case unsupportedScheme(String)
    /// Uses `http` with a host other than a loopback address.
    case insecureHTTP(host: String)
    /// Contains userinfo: an `@` in the authority.
    case userinfo
    /// Has nothing between `://` and the path.
    case emptyHost
    /// Has a host that is not a DNS name, an IPv4 address or a bracketed IPv6 address.
    case invalidHost(String)
    /// Has a port that is empty, not decimal, has a leading zero, or lies outside 1 to 65535.
    case invalidPort(String)
    /// Has a `.` or `..` path segment.
    case dotSegment

    /// A sentence naming the problem and the fix.
    public var description: String {
        switch self {
        case .tooLong(let length):
            "redirect URI is \(length) bytes long, over the maximum of \(RedirectURI.maximumLength); use a shorter URI"
        case .invalidCharacter(let scalar, let offset):
            "redirect URI contains the character \(scalarName(scalar)) at offset \(offset); "
                + "only printable ASCII is allowed, so percent-encode it or use the punycode host name"
        case .backslash:
            "redirect URI contains a backslash; use forward slashes"
        case .fragment:
            "redirect URI contains a fragment ('#'); register the URI without it"
        case .comma:
            "redirect URI contains a comma; register each URI separately"
        case .encodedDotOrSlash:
            "redirect URI contains a percent-encoded dot, slash or backslash (%2E, %2F or %5C); write the path plainly"
        case .notAbsolute:
            "redirect URI is not absolute; write it as https://host/path"
        case .unsupportedScheme(let scheme):
            "redirect URI scheme \(String(reflecting: scheme)) is not supported; use https"
        case .insecureHTTP(let host):
            "redirect URI uses http with host \(String(reflecting: host)); use https, "
                + "because http is allowed only for localhost, 127.0.0.0/8 and [::1]"
        case .userinfo:
            "redirect URI contains userinfo ('@' before the host); remove it"
        case .emptyHost:
            "redirect URI has an empty host; write it as https://host/path"
        case .invalidHost(let host):
            "redirect URI host \(String(reflecting: host)) is invalid; "
                + "use a DNS name of letters, digits, '-' and '.', an IPv4 address, or [::1]"
        case .invalidPort(let port):
            "redirect URI port \(String(reflecting: port)) is invalid; "
                + "use a number from 1 to 65535 without leading zeros"
        case .dotSegment:
            "redirect URI path contains a '.' or '..' segment; register the path without it"
        }
    }
}

/// Returns `U+XXXX` for `scalar`, so that invisible and look-alike characters are identifiable in a message.
private func scalarName(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
