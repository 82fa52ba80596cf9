import DoormanCrypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values of authorization codes and tokens that begin with their issue time, so that their lookup keys
/// (`TokenHash.of`) sort in the order they were issued.
///
/// A value is `timeDigits` lowercase hexadecimal digits of the issue time in microseconds since the Unix epoch,
/// followed by `TokenIssuer.secretByteCount` random bytes in base64url: 57 characters in all. The time is not
/// secret: it shows the holder when the value was made, as the `iat` claim of a JWT does. Guessing a value is as
/// hard as guessing its random part.
///
/// Why: with keys that are plain hashes, every new row lands on a random page of each table and index, and each
/// write transaction rewrites pages all over the file. Keys that grow with time put the rows of one moment on the
/// same few pages, so writes that follow each other, and writes committed together, share pages.
public enum OrderedToken {
    /// Hexadecimal digits of the issue time: 14, enough for microseconds until the year 4253.
    public static let timeDigits = 14
    /// Characters of a value: the time digits and 43 characters of base64url.
    public static let length = timeDigits + 43

    /// Returns a new value made at `microseconds` since the Unix epoch, clamped to what `timeDigits` can hold.
    public static func make(random: any RandomSource, microseconds: Int64 = currentMicroseconds()) -> String {
        let largest: Int64 = 1 << (4 * Int64(timeDigits)) - 1
        let time = String(min(max(microseconds, 0), largest), radix: 16)
        let padding = String(repeating: "0", count: timeDigits - time.utf8.count)
        return padding + time + random.token(bytes: TokenIssuer.secretByteCount)
    }

    /// Returns whether the UTF-8 bytes `value` have the shape that `make` gives: `length` bytes that begin with
    /// `timeDigits` lowercase hexadecimal digits.
    ///
    /// The check is on the shape only: a client may send anything, and the key of a value that merely looks
    /// ordered still contains the hash of the rest of the value.
    public static func hasOrderedShape(_ value: [UInt8]) -> Bool {
        guard value.count == length else {
            return false
        }
        for index in 0..<timeDigits where !isLowercaseHexDigit(value[index]) {
            return false
        }
        return true
    }

    /// Reads the system's real-time clock and returns microseconds since the Unix epoch.
    public static func currentMicroseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1000
    }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
