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

/// Returns `value` when it is `sqlite:PATH`, and explains the rejection of PostgreSQL URLs.
func parseDatabaseURL(_ value: String) throws(RejectedValue) -> String {
    if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
        throw RejectedValue(
            reason: "PostgreSQL is not supported yet, so use sqlite:PATH, such as sqlite:data/doorman.sqlite3")
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

/// Returns `value` with the password of a `scheme://user:password@host` URL replaced with `***`.
func redactingPassword(in value: String) -> String {
    guard let schemeEnd = value.range(of: "://") else {
        return value
    }
    let authorityEnd = value[schemeEnd.upperBound...].firstIndex(of: "/") ?? value.endIndex
    let authority = value[schemeEnd.upperBound..<authorityEnd]
    guard let userInfoEnd = authority.lastIndex(of: "@"),
        let passwordStart = authority[..<userInfoEnd].firstIndex(of: ":")
    else {
        return value
    }
    return String(value[..<value.index(after: passwordStart)]) + "***" + String(value[userInfoEnd...])
}
