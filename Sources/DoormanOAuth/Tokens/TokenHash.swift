import DoormanCrypto

/// The stored form of codes, tokens and client secrets: lowercase hexadecimal SHA-256 of their UTF-8 bytes.
///
/// Only hashes are stored, so a leaked database does not yield usable credentials. A plain hash without
/// salt is enough because every hashed value carries at least 256 random bits.
public enum TokenHash {
    /// Returns the 64-character lowercase hexadecimal SHA-256 of `token`.
    public static func of(_ token: String) -> String {
        Hex.encode(SHA256.hash(Array(token.utf8)))
    }

    /// Returns whether `token` hashes to `hash`, comparing in constant time.
    public static func matches(_ token: String, hash: String) -> Bool {
        ConstantTime.equals(of(token), hash)
    }
}
