/// A number of hits allowed per window of seconds, such as 300 token requests per 60 seconds.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    /// Hits allowed in one window, at least 1.
    public var limit: Int
    /// Length of a window in seconds, at least 1. The window opens at the first hit.
    public var window: Int64

    /// Creates a limit. A limit or window below 1 is a programmer error.
    public init(limit: Int, window: Int64) {
        precondition(limit >= 1, "a rate limit allows at least 1 hit, got \(limit)")
        precondition(window >= 1, "a rate-limit window lasts at least 1 second, got \(window)")
        self.limit = limit
        self.window = window
    }

    /// Parses `COUNT/SECONDS`, such as `300/60`, with both numbers from 1 to 1,000,000,000. Returns nil otherwise.
    public static func parse(_ text: String) -> RateLimit? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let limit = Self.number(parts[0]), let window = Self.number(parts[1]) else {
            return nil
        }
        return RateLimit(limit: limit, window: Int64(window))
    }

    /// The limit as `COUNT/SECONDS`, the form `parse` reads.
    public var description: String {
        "\(limit)/\(window)"
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int(text), (1...1_000_000_000).contains(value)
        else {
            return nil
        }
        return value
    }
}

/// The outcome of checking one rate limit.
public enum RateLimitVerdict: Sendable, Equatable {
    /// The hit is within the limit.
    case allowed
    /// The hit is over the limit; the client may retry after this many seconds, at least 1.
    case limited(retryAfter: Int64)

    /// Returns `.limited` with the seconds from `now` until `time`, at least 1 because a `Retry-After` of 0 invites
    /// an immediate retry that fails again.
    public static func limited(until time: Int64, now: Int64) -> RateLimitVerdict {
        .limited(retryAfter: max(1, time - now))
    }
}
