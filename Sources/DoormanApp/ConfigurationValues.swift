import DoormanPostgres

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Parsers for setting values that are more than an integer in a range.

/// Returns `value` when it is an IPv4 or IPv6 address, without the brackets of `[::1]`.
///
/// Host names such as `localhost` are rejected, because a name can resolve to several addresses
/// and the server binds exactly one.
func parseIPAddress(_ value: String) throws(RejectedValue) -> String {
    var address = value
    if address.hasPrefix("[") && address.hasSuffix("]") {
        address = String(address.dropFirst().dropLast())
    }

    var storage = in6_addr()
    if inet_pton(AF_INET, address, &storage) == 1 || inet_pton(AF_INET6, address, &storage) == 1 {
        return address
    }
    throw RejectedValue()
}

/// Returns `value` when it can be a file system path: not empty and without NUL characters.
func parsePath(_ value: String) throws(RejectedValue) -> String {
    guard !value.isEmpty, !value.contains("\0") else {
        throw RejectedValue()
    }
    return value
}

/// Returns `value` when it is `sqlite:PATH` or a `postgres://` or `postgresql://` URL.
///
/// A PostgreSQL URL is checked only for a non-empty remainder without spaces or NUL characters, because libpq
/// parses it when it connects and names what it could not use.
func parseDatabaseURL(_ value: String) throws(RejectedValue) -> String {
    if PostgresURL.isPostgresURL(value) {
        let remainder = value.firstRange(of: "://").map { value[$0.upperBound...] } ?? ""
        guard !remainder.isEmpty, !value.contains(where: { $0 == " " || $0 == "\0" }) else {
            throw RejectedValue(
                reason: "expected postgres://USER:PASSWORD@HOST:PORT/DATABASE, such as "
                    + "postgres://doorman@127.0.0.1:5432/doorman")
        }
        return value
    }
    guard value.hasPrefix(Configuration.sqliteScheme) else {
        throw RejectedValue()
    }

    // `sqlite://host/path` looks like a URL with a host, which SQLite has no use for.
    let path = value.dropFirst(Configuration.sqliteScheme.count)
    guard !path.hasPrefix("//") else {
        throw RejectedValue(reason: "expected sqlite:PATH without //, such as sqlite:/var/lib/doorman/doorman.sqlite3")
    }
    _ = try parsePath(String(path))
    return value
}

/// Returns `value` as a public URL: `http` or `https`, `://`, a host and an optional port, with the scheme in
/// lowercase and one trailing slash removed.
///
/// The host is a DNS name of letters, digits, `-` and `.`, or a bracketed IPv6 address. A path is rejected
/// because every route and page link of Doorman starts at `/`, so a server under a path prefix would send
/// broken links.
func parsePublicURL(_ value: String) throws(RejectedValue) -> String {
    guard let separator = value.range(of: "://") else {
        throw RejectedValue()
    }
    let scheme = value[..<separator.lowerBound].lowercased()
    var authority = value[separator.upperBound...]
    if authority.hasSuffix("/") {
        authority = authority.dropLast()
    }
    guard scheme == "http" || scheme == "https", isValidAuthority(authority) else {
        throw RejectedValue()
    }
    return scheme + "://" + authority
}

/// Returns whether `authority` is `host` or `host:port` with a port from 1 to 65535.
private func isValidAuthority(_ authority: Substring) -> Bool {
    var host = authority
    var port: Substring?
    if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
        host = authority[..<colon]
        port = authority[authority.index(after: colon)...]
    }
    if let port {
        guard port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port), (1...65535).contains(number)
        else {
            return false
        }
    }

    if host.hasPrefix("[") && host.hasSuffix("]") {
        let inner = host.dropFirst().dropLast()
        return inner.contains(":") && inner.allSatisfy { $0.isHexDigit && $0.isASCII || $0 == ":" || $0 == "." }
    }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    return labels.allSatisfy { label in
        !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}

/// Returns `value` with the password of a `scheme://user:password@host` URL, and of a `password=` query
/// parameter, replaced with `***`.
func redactingPassword(in value: String) -> String {
    PostgresURL.redacted(value)
}
