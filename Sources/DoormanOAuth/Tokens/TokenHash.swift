import DoormanCrypto

/// The stored form of codes, tokens and client secrets: lowercase hexadecimal SHA-256 of their UTF-8 bytes, after
/// the time digits of an `OrderedToken` value.
///
/// Only hashes are stored, so a leaked database does not yield usable credentials. A plain hash without
/// salt is enough because every hashed value carries at least 256 random bits. The time digits of an ordered value
/// are not secret, and putting them first makes the keys of new codes and tokens sort by issue time.
public enum TokenHash {
    /// Returns the key of `token`. For a value with the shape of an `OrderedToken`, that is its 14 time digits
    /// followed by the 64-character lowercase hexadecimal SHA-256 of the 43 characters after them. For any other
    /// value, it is the hash of the whole value.
    ///
    /// The time digits are in the key itself, so hashing them as well would add nothing but a second SHA-256
    /// block: 57 bytes and SHA-256's padding do not fit in one 64-byte block, while 43 bytes do. The two forms
    /// differ in length, so a value of one shape never finds a row stored for the other.
    public static func of(_ token: String) -> String {
        let bytes = Array(token.utf8)
        guard OrderedToken.hasOrderedShape(bytes) else {
            return Hex.encode(SHA256.hash(bytes))
        }
        let digest = SHA256.hash(Array(bytes[OrderedToken.timeDigits...]))
        return String(decoding: bytes[..<OrderedToken.timeDigits], as: UTF8.self) + Hex.encode(digest)
    }

    /// Returns whether `token` hashes to `hash`, comparing in constant time.
    public static func matches(_ token: String, hash: String) -> Bool {
        ConstantTime.equals(of(token), hash)
    }
}
