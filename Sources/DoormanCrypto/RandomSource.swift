import CSodium

/// Source of cryptographically secure random bytes, injectable so that tests can make output deterministic.
public protocol RandomSource: Sendable {
    /// Returns `count` random bytes.
    func bytes(count: Int) -> [UInt8]
}

/// Random bytes from libsodium's `randombytes_buf`, which reads the operating system's CSPRNG.
public struct SodiumRandomSource: RandomSource {
    /// Creates the source and initializes libsodium if needed.
    public init() {
        Sodium.ensureInitialized()
    }

    /// Returns `count` random bytes from `randombytes_buf`.
    public func bytes(count: Int) -> [UInt8] {
        precondition(count >= 0, "random byte count must not be negative, got \(count)")

        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            if let address = buffer.baseAddress {
                randombytes_buf(address, count)
            }
            initializedCount = count
        }
    }
}

extension RandomSource {
    /// Returns `bytes` random bytes encoded as base64url without padding.
    ///
    /// The default of 32 bytes gives 256 bits of entropy and 43 characters from `A-Z a-z 0-9 - _`.
    public func token(bytes count: Int = 32) -> String {
        Base64URL.encode(bytes(count: count))
    }

    /// Returns `prefix` followed by `bytes` random bytes in base64url, for example `user_3q2-7wX...`.
    ///
    /// The default of 16 bytes (128 bits, 22 characters) makes collisions negligible for identifiers.
    public func identifier(prefix: String, bytes count: Int = 16) -> String {
        prefix + token(bytes: count)
    }

    /// Returns a uniformly distributed integer in `0..<upperBound`, using rejection sampling to avoid modulo bias.
    public func uniform(below upperBound: UInt32) -> UInt32 {
        precondition(upperBound > 0, "upper bound must be positive")

        // Values below `limit` map evenly onto 0..<upperBound; the rest are drawn again.
        let limit = UInt32.max - (UInt32.max % upperBound + 1) % upperBound
        while true {
            let value = bytes(count: 4).reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
            if value <= limit {
                return value % upperBound
            }
        }
    }
}

/// Convenience entry points that use `SodiumRandomSource`.
///
/// Code that tests need to control should take an `any RandomSource` instead of calling these.
public enum SecureRandom {
    private static let source = SodiumRandomSource()

    /// Returns `count` random bytes.
    public static func bytes(count: Int) -> [UInt8] {
        source.bytes(count: count)
    }

    /// Returns a base64url token without padding made of `bytes` random bytes (32 by default, 256 bits).
    public static func token(bytes count: Int = 32) -> String {
        source.token(bytes: count)
    }

    /// Returns `prefix` followed by `bytes` random bytes in base64url (16 by default, 128 bits).
    public static func identifier(prefix: String, bytes count: Int = 16) -> String {
        source.identifier(prefix: prefix, bytes: count)
    }
}
