import CSodium

/// Base64 with the URL-safe alphabet (`-` and `_`) and no `=` padding, as RFC 4648 section 5 and OAuth use it.
public enum Base64URL {
    /// Encodes `bytes` as base64url without padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        Sodium.ensureInitialized()
        let variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING
        let capacity = sodium_base64_encoded_len(bytes.count, variant)  // includes the terminating NUL

        var output = [UInt8](repeating: 0, count: capacity)
        output.withUnsafeMutableBufferPointer { outputBuffer in
            outputBuffer.withMemoryRebound(to: CChar.self) { characters in
                _ = sodium_bin2base64(characters.baseAddress!, capacity, bytes, bytes.count, variant)
            }
        }
        return String(decoding: output[..<(capacity - 1)], as: UTF8.self)
    }

    /// Decodes base64url without padding, or returns nil when `string` is not exactly that.
    ///
    /// Padding, whitespace, characters outside `A-Z a-z 0-9 - _`, impossible lengths and non-zero unused
    /// trailing bits are all rejected, so each byte sequence has exactly one accepted encoding.
    public static func decode(_ string: String) -> [UInt8]? {
        Sodium.ensureInitialized()
        let input = Array(string.utf8)
        let capacity = input.count / 4 * 3 + 3
        var decodedCount = 0

        var output = [UInt8](repeating: 0, count: capacity)
        let status = input.withUnsafeBufferPointer { inputBuffer in
            inputBuffer.withMemoryRebound(to: CChar.self) { characters in
                sodium_base642bin(
                    &output, capacity, characters.baseAddress, characters.count,
                    nil, &decodedCount, nil, sodium_base64_VARIANT_URLSAFE_NO_PADDING)
            }
        }
        guard status == 0 else {
            return nil
        }
        output.removeLast(capacity - decodedCount)
        return output
    }
}

/// Lowercase hexadecimal encoding, using libsodium's constant-time routines so that secrets can pass through it.
public enum Hex {
    /// Encodes `bytes` as lowercase hexadecimal, two characters per byte.
    public static func encode(_ bytes: [UInt8]) -> String {
        Sodium.ensureInitialized()
        let capacity = bytes.count * 2 + 1  // includes the terminating NUL

        var output = [UInt8](repeating: 0, count: capacity)
        output.withUnsafeMutableBufferPointer { outputBuffer in
            outputBuffer.withMemoryRebound(to: CChar.self) { characters in
                _ = sodium_bin2hex(characters.baseAddress!, capacity, bytes, bytes.count)
            }
        }
        return String(decoding: output[..<(capacity - 1)], as: UTF8.self)
    }

    /// Decodes hexadecimal in either case, or returns nil on an odd length or any non-hex character.
    public static func decode(_ string: String) -> [UInt8]? {
        Sodium.ensureInitialized()
        let input = Array(string.utf8)
        let capacity = input.count / 2
        var decodedCount = 0

        var output = [UInt8](repeating: 0, count: capacity)
        let status = input.withUnsafeBufferPointer { inputBuffer in
            inputBuffer.withMemoryRebound(to: CChar.self) { characters in
                sodium_hex2bin(&output, capacity, characters.baseAddress, characters.count, nil, &decodedCount, nil)
            }
        }
        guard status == 0, decodedCount == capacity, input.count % 2 == 0 else {
            return nil
        }
        return output
    }
}
