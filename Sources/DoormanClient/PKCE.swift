/// Proof Key for Code Exchange (RFC 7636) with the `S256` method.
///
/// The client keeps the verifier secret until the token request and sends only its challenge in the
/// authorization URL, so a stolen code is useless without the verifier.
public enum PKCE {
    /// The value of `code_challenge_method` for the SHA-256 method.
    public static let method = "S256"

    /// Random bytes behind a new verifier: 32, which makes 43 base64url characters as RFC 7636 section 4.1
    /// recommends.
    public static let verifierByteCount = 32

    /// Makes a new verifier: 32 bytes from `generator` in base64url without padding.
    public static func makeVerifier(using generator: inout some RandomNumberGenerator) -> String {
        Base64URL.encode(RandomBytes.make(count: verifierByteCount, using: &generator))
    }

    /// Makes a new verifier from the system's cryptographically secure generator.
    public static func makeVerifier() -> String {
        var generator = SystemRandomNumberGenerator()
        return makeVerifier(using: &generator)
    }

    /// Returns the `S256` challenge of `verifier`: base64url without padding of SHA-256 of its ASCII bytes.
    public static func challenge(for verifier: String) -> String {
        Base64URL.encode(SHA256.hash(Array(verifier.utf8)))
    }

    /// Returns whether `verifier` has 43 to 128 characters, each from `A-Z a-z 0-9 - . _ ~`
    /// (RFC 7636 section 4.1).
    public static func isValidVerifier(_ verifier: String) -> Bool {
        let bytes = verifier.utf8
        return (43...128).contains(bytes.count) && bytes.allSatisfy(isUnreserved)
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}

/// Random bytes drawn from a `RandomNumberGenerator`.
enum RandomBytes {
    /// Returns `count` bytes from `generator`, eight at a time.
    static func make(count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return Array(bytes.prefix(count))
    }
}
