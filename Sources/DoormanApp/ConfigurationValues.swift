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

/// Returns `value` with the password of a `scheme://user:password@host` URL, and of a `password=` query
/// parameter, replaced with `***`.
func redactingPassword(in value: String) -> String {
    PostgresURL.redacted(value)
}
