import DoormanCrypto

/// Proof Key for Code Exchange (RFC 7636): syntax checks and verification of `code_verifier`.
public enum PKCE {
    /// A `code_challenge_method` (RFC 7636 section 4.3).
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// `S256`: the challenge is BASE64URL(SHA256(ASCII(code_verifier))) without padding.
        case s256 = "S256"
        /// `plain`: the challenge is the verifier itself. RFC 7636 section 7.2 discourages it.
        case plain
    }

    /// Minimum length of a verifier, and of a `plain` challenge, in characters (RFC 7636 section 4.1).
    public static let minimumLength = 43

    /// Maximum length of a verifier, and of a `plain` challenge, in characters (RFC 7636 section 4.1).
    public static let maximumLength = 128

    /// Length of an `S256` challenge: 32 digest bytes in unpadded base64url.
    public static let s256ChallengeLength = 43

    /// Returns whether `verifier` is 43 to 128 characters of `A-Z a-z 0-9 - . _ ~` (RFC 7636 section 4.1).
    public static func isValidVerifier(_ verifier: String) -> Bool {
        let bytes = verifier.utf8
        return (minimumLength...maximumLength).contains(bytes.count) && bytes.allSatisfy(isUnreserved)
    }

    /// Returns whether `challenge` could have been produced by `method`.
    ///
    /// An `S256` challenge is exactly 43 characters of the base64url alphabet. A `plain` challenge is a
    /// verifier, so it follows the verifier's syntax.
    public static func isValidChallenge(_ challenge: String, method: Method) -> Bool {
        switch method {
        case .s256:
            let bytes = challenge.utf8
            return bytes.count == s256ChallengeLength && bytes.allSatisfy(isBase64URL)
        case .plain:
            return isValidVerifier(challenge)
        }
    }

    /// Computes the challenge that `method` derives from `verifier` (RFC 7636 section 4.2).
    public static func challenge(for verifier: String, method: Method) -> String {
        switch method {
        case .s256: Base64URL.encode(SHA256.hash(Array(verifier.utf8)))
        case .plain: verifier
        }
    }

    /// Returns whether `verifier` is well formed and derives `challenge` with `method` (RFC 7636 section 4.6).
    ///
    /// The comparison runs in constant time for equal lengths, so timing reveals nothing about the challenge.
    public static func verify(verifier: String, challenge: String, method: Method) -> Bool {
        guard isValidVerifier(verifier) else {
            return false
        }
        return ConstantTime.equals(Self.challenge(for: verifier, method: method), challenge)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isBase64URL(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "~")
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
