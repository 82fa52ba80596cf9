import DoormanCrypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The clock, randomness, password hasher and standard input that administration commands use,
/// injectable so that tests run without a process and with cheap password hashes.
public struct AdminEnvironment: Sendable {
    /// Returns the current time in Unix seconds.
    public var now: @Sendable () -> Int64

    /// The source of identifiers, generated passwords and client secrets.
    public var random: any RandomSource

    /// The hasher of user passwords.
    public var passwordHasher: PasswordHasher

    /// Returns the bytes of standard input up to the first newline, which it may include, reading at
    /// most the given number of bytes.
    public var readInputLine: @Sendable (_ maximumBytes: Int) -> [UInt8]

    /// Creates an environment from its parts.
    public init(
        now: @escaping @Sendable () -> Int64,
        random: any RandomSource,
        passwordHasher: PasswordHasher,
        readInputLine: @escaping @Sendable (Int) -> [UInt8]
    ) {
        self.now = now
        self.random = random
        self.passwordHasher = passwordHasher
        self.readInputLine = readInputLine
    }

    /// The environment of the `doorman` process: the system clock, libsodium's random bytes,
    /// Argon2id with libsodium's interactive limits, and the process's standard input.
    public static var process: AdminEnvironment {
        AdminEnvironment(
            now: { Int64(Date().timeIntervalSince1970) },
            random: SodiumRandomSource(),
            passwordHasher: PasswordHasher(),
            readInputLine: readStandardInputLine)
    }
}

/// Reads standard input one byte at a time up to and including the first newline, at end of input,
/// or after `maximumBytes` bytes, so that nothing after the first line is consumed.
private func readStandardInputLine(maximumBytes: Int) -> [UInt8] {
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while line.count < maximumBytes {
        let count = read(STDIN_FILENO, &byte, 1)
        if count < 0 && errno == EINTR {
            continue
        }
        guard count == 1 else {
            break
        }
        line.append(byte)
        if byte == UInt8(ascii: "\n") {
            break
        }
    }
    return line
}
