import CSodium

/// Authenticated symmetric encryption with libsodium's `crypto_secretbox_easy` (XSalsa20-Poly1305).
///
/// A sealed box is the 24-byte nonce followed by the ciphertext and its 16-byte Poly1305 tag, so it can be
/// stored as one value and opened with the key alone.
public enum SecretBox {
    /// Key length in bytes: 32.
    public static let keyByteCount = Int(crypto_secretbox_KEYBYTES)

    /// Nonce length in bytes: 24, long enough to choose each nonce at random.
    public static let nonceByteCount = Int(crypto_secretbox_NONCEBYTES)

    /// Tag length in bytes: 16.
    public static let tagByteCount = Int(crypto_secretbox_MACBYTES)

    /// Encrypts and authenticates `plaintext` under `key` with a nonce drawn from `random`, and returns the
    /// nonce followed by the ciphertext and tag.
    ///
    /// `key` must be `keyByteCount` bytes long; another length is a programmer mistake and stops the process.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], random: any RandomSource = SodiumRandomSource())
        -> [UInt8]
    {
        precondition(key.count == keyByteCount, "secretbox key must be \(keyByteCount) bytes, got \(key.count)")
        Sodium.ensureInitialized()

        let nonce = random.bytes(count: nonceByteCount)
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + tagByteCount)
        _ = crypto_secretbox_easy(&ciphertext, plaintext, UInt64(plaintext.count), nonce, key)
        return nonce + ciphertext
    }

    /// Returns the plaintext of a box that `seal` made under `key`, or nil when `key` is another key, the box
    /// is too short, or any byte of it was changed.
    public static func open(_ box: [UInt8], key: [UInt8]) -> [UInt8]? {
        guard key.count == keyByteCount, box.count >= nonceByteCount + tagByteCount else {
            return nil
        }
        Sodium.ensureInitialized()

        let nonce = Array(box.prefix(nonceByteCount))
        let ciphertext = Array(box.dropFirst(nonceByteCount))
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count - tagByteCount)
        let status = crypto_secretbox_open_easy(&plaintext, ciphertext, UInt64(ciphertext.count), nonce, key)
        return status == 0 ? plaintext : nil
    }
}
