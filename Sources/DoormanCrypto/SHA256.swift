import CSodium

/// SHA-256 (FIPS 180-4) from libsodium's `crypto_hash_sha256`.
public enum SHA256 {
    /// Digest length in bytes.
    public static let byteCount = 32

    /// Returns the 32-byte SHA-256 digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        Sodium.ensureInitialized()
        var digest = [UInt8](repeating: 0, count: byteCount)
        _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return digest
    }

    /// Returns the SHA-256 digest of the UTF-8 bytes of `string`.
    public static func hash(_ string: String) -> [UInt8] {
        hash(Array(string.utf8))
    }
}

/// Comparison whose running time depends only on the lengths of the inputs, for secrets such as tokens and MACs.
public enum ConstantTime {
    /// Returns whether `left` and `right` are equal, using `sodium_memcmp`.
    ///
    /// Inputs of different lengths are unequal at once, so the time reveals the lengths but not the contents.
    public static func equals(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        Sodium.ensureInitialized()
        guard left.count == right.count else {
            return false
        }
        guard !left.isEmpty else {
            return true
        }
        return sodium_memcmp(left, right, left.count) == 0
    }

    /// Returns whether the UTF-8 bytes of `left` and `right` are equal, in constant time for equal lengths.
    public static func equals(_ left: String, _ right: String) -> Bool {
        equals(Array(left.utf8), Array(right.utf8))
    }
}
