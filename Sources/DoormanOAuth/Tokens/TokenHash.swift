import DoormanCrypto

/// The stored form of codes, tokens and client secrets: lowercase hexadecimal SHA-256 of their UTF-8 bytes, after
/// the time digits of an `OrderedToken` value.
///
/// Only hashes are stored, so a leaked database does not yield usable credentials. A plain hash without
/// salt is enough because every hashed value carries at least 256 random bits. The time digits of an ordered value
/// are not secret, and putting them first makes the keys of new codes and tokens sort by issue time.
public enum TokenHash {
    /// Returns the key of `token`: for a value with the shape of an `OrderedToken`, its 14 time digits followed by
    /// the 64-character lowercase hexadecimal SHA-256 of the whole value; for any other value, that hash alone.
    ///
    /// The two forms differ in length, so a value of one shape never finds a row stored for the other.
    public static func of(_ token: String) -> String {
        let hash = Hex.encode(SHA256.hash(Array(token.utf8)))
        guard let time = OrderedToken.timePrefix(of: token) else {
            return hash
        }
        return time + hash
    }

    /// Returns whether `token` hashes to `hash`, comparing in constant time.
    public static func matches(_ token: String, hash: String) -> Bool {
        ConstantTime.equals(of(token), hash)
    }
}
