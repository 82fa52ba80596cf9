import Synchronization

/// The URL at which clients and browsers reach this server, such as `https://doorman.example`: the metadata's
/// `issuer` and the base of every absolute URL Doorman sends.
///
/// It is a shared box, not a plain value, because a server started on port 0 learns its port only after the
/// routes exist: `doorman serve` then sets the URL once, before the first request can arrive.
public final class PublicBaseURL: Sendable {
    private let storage: Mutex<String>

    /// Creates the box with `url`, an absolute `http` or `https` URL without a path, query, fragment or trailing
    /// slash.
    public init(_ url: String) {
        storage = Mutex(url)
    }

    /// The URL, without a trailing slash.
    public var value: String {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }

    /// Whether the URL uses `https`, which makes every response carry `Strict-Transport-Security`.
    public var isHTTPS: Bool {
        value.utf8.starts(with: "https://".utf8)
    }

    /// Returns `path`, which starts with `/`, as an absolute URL on this server.
    public func absolute(_ path: String) -> String {
        value + path
    }
}
