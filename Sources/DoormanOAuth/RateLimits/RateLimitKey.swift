import DoormanCrypto

/// The keys of the rate-limit counters: a fixed prefix naming the limit, then the SHA-256 of the counted value.
///
/// Hashing keeps every key the same short length whatever the client sends, and keeps usernames out of the
/// database in the clear. An unsalted hash of a username can still be matched against a list of guessed names.
public enum RateLimitKey {
    /// Returns the key that counts token requests naming `clientID`.
    public static func tokenClient(_ clientID: String) -> String {
        key("token.client", clientID)
    }

    /// Returns the key that counts token requests from `address`, a client address or address group.
    public static func tokenAddress(_ address: String) -> String {
        key("token.address", address)
    }

    /// Returns the key that counts sign-in attempts from `address`.
    public static func signInAddress(_ address: String) -> String {
        key("sign_in.address", address)
    }

    /// Returns the key that counts failed sign-ins to `username`, ignoring ASCII case as usernames do.
    public static func signInFailures(_ username: String) -> String {
        key("sign_in.failures", asciiLowercased(username))
    }

    /// Returns the key that lets one attempt at a time through to an account whose failures call for a delay.
    public static func signInTurn(_ username: String) -> String {
        key("sign_in.turn", asciiLowercased(username))
    }

    /// Returns the key that counts authorization requests from `address`.
    public static func authorizeAddress(_ address: String) -> String {
        key("authorize.address", address)
    }

    private static func key(_ prefix: String, _ value: String) -> String {
        prefix + ":" + Hex.encode(SHA256.hash(Array(value.utf8)))
    }

    private static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
