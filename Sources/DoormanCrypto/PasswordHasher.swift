import CSodium

/// Failure to hash a password.
public enum PasswordHashError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The password is longer than `PasswordHasher.maximumPasswordBytes` in UTF-8.
    case passwordTooLong(byteCount: Int, maximum: Int)
    /// `crypto_pwhash_str` failed, which libsodium reports when it cannot allocate the memory limit.
    case hashingFailed(memoryLimit: Int)

    /// A sentence naming the failure and what to do.
    public var description: String {
        switch self {
        case let .passwordTooLong(byteCount, maximum):
            "password is \(byteCount) bytes in UTF-8, longer than the maximum of \(maximum); choose a shorter one"
        case let .hashingFailed(memoryLimit):
            "Argon2id hashing failed, most likely because \(memoryLimit) bytes of memory could not be allocated"
        }
    }
}

/// Argon2id password hashing in the PHC string format (`$argon2id$v=19$m=...,t=...,p=1$salt$hash`).
///
/// Each hash allocates `limits.memory` bytes for its duration: 64 MiB with the interactive limits,
/// so callers should bound how many hashes run at once.
public struct PasswordHasher: Sendable {
    /// Argon2id cost parameters: the number of passes and the memory in bytes.
    public struct Limits: Sendable, Equatable {
        /// Number of passes over memory (`opslimit`).
        public var operations: UInt64
        /// Memory in bytes (`memlimit`).
        public var memory: Int

        /// Creates limits from an operation count and a memory size in bytes.
        public init(operations: UInt64, memory: Int) {
            self.operations = operations
            self.memory = memory
        }

        /// libsodium's interactive limits (2 passes, 64 MiB in libsodium 1.0.18), meant for online logins.
        public static let interactive = Limits(
            operations: UInt64(crypto_pwhash_argon2id_opslimit_interactive()),
            memory: crypto_pwhash_argon2id_memlimit_interactive())

        /// libsodium's minimum limits (1 pass, 8 KiB): fast and weak, for tests only.
        public static let minimum = Limits(
            operations: UInt64(crypto_pwhash_argon2id_opslimit_min()),
            memory: crypto_pwhash_argon2id_memlimit_min())
    }

    /// Maximum password length in UTF-8 bytes. Argon2 accepts far more, but hashing megabytes per attempt
    /// would let a client burn server CPU with one request.
    public static let maximumPasswordBytes = 1024

    /// Cost parameters used for new hashes and as the target of `needsRehash(hash:)`.
    public let limits: Limits

    /// Creates a hasher that produces hashes with `limits`.
    public init(limits: Limits = .interactive) {
        Sodium.ensureInitialized()
        self.limits = limits
    }

    /// Hashes the UTF-8 bytes of `password` with a random salt and returns the encoded PHC string.
    ///
    /// The password is not Unicode-normalized, so composed and decomposed forms of the same text hash differently.
    public func hash(password: String) throws(PasswordHashError) -> String {
        // NUL-terminated, so the pointer is valid even for an empty password. The NUL is not hashed.
        let characters = password.utf8CString
        let byteCount = characters.count - 1
        guard byteCount <= Self.maximumPasswordBytes else {
            throw .passwordTooLong(byteCount: byteCount, maximum: Self.maximumPasswordBytes)
        }

        let capacity = crypto_pwhash_argon2id_strbytes()
        var output = [CChar](repeating: 0, count: capacity)
        let status = characters.withUnsafeBufferPointer { buffer in
            crypto_pwhash_argon2id_str(&output, buffer.baseAddress!, UInt64(byteCount), limits.operations, limits.memory)
        }
        guard status == 0 else {
            throw .hashingFailed(memoryLimit: limits.memory)
        }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Returns whether `password` matches the encoded `hash`.
    ///
    /// Returns false for a wrong password, a malformed hash, and a password over `maximumPasswordBytes`.
    /// Any Argon2 hash libsodium can read is accepted, whatever its limits.
    public func verify(password: String, hash: String) -> Bool {
        let characters = password.utf8CString
        let byteCount = characters.count - 1
        guard byteCount <= Self.maximumPasswordBytes else {
            return false
        }

        return characters.withUnsafeBufferPointer { buffer in
            crypto_pwhash_str_verify(hash, buffer.baseAddress!, UInt64(byteCount)) == 0
        }
    }

    /// Returns whether `hash` should be replaced after a successful login because it is not Argon2id with `limits`.
    ///
    /// Returns true for hashes with other limits, for Argon2i hashes and for malformed strings.
    public func needsRehash(hash: String) -> Bool {
        crypto_pwhash_argon2id_str_needs_rehash(hash, limits.operations, limits.memory) != 0
    }
}
