/// The `return_to` target of the sign-in form: where the browser goes after signing in.
///
/// Only a path on this site is accepted, so sign-in can never become an open redirector (RFC 9700
/// section 4.11). Anything else falls back to `/`.
enum ReturnPath {
    /// The target when `return_to` is absent or rejected.
    static let fallback = "/"

    /// Maximum length in bytes. An authorization request with a long `state` and PKCE challenge fits easily.
    static let maximumLength = 4096

    /// Returns `value` when it is a local path, otherwise `fallback`.
    ///
    /// A local path starts with one `/` followed by anything but `/` or `\`, because browsers read `//host`
    /// and `/\host` as another host. It contains only printable ASCII without `\`: browsers drop tabs and
    /// line breaks from URLs, so `/<TAB>/evil.example` would become `//evil.example`, and non-ASCII text has
    /// no place in a `Location` field.
    static func sanitize(_ value: String?) -> String {
        guard let value, isLocalPath(value) else {
            return fallback
        }
        return value
    }

    /// Returns whether `value` is a local path as `sanitize` defines it.
    static func isLocalPath(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard (1...maximumLength).contains(bytes.count), bytes[0] == UInt8(ascii: "/") else {
            return false
        }
        if bytes.count > 1 && (bytes[1] == UInt8(ascii: "/") || bytes[1] == UInt8(ascii: "\\")) {
            return false
        }
        return bytes.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }
    }
}
