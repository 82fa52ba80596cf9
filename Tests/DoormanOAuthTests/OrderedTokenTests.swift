import DoormanCrypto
import DoormanOAuth
import Foundation
import Testing

struct OrderedTokenTests {
    @Test func valueIsTimeDigitsThenRandomBytes() throws {
        let value = OrderedToken.make(random: FixedRandomSource(byte: 0xAB), microseconds: 0x1_2345_6789)

        #expect(value.utf8.count == OrderedToken.length)
        #expect(value.hasPrefix("00000123456789"))
        let randomPart = try #require(Base64URL.decode(String(value.dropFirst(OrderedToken.timeDigits))))
        #expect(randomPart == [UInt8](repeating: 0xAB, count: TokenIssuer.secretByteCount))
    }

    @Test(arguments: [
        (Int64.min, "00000000000000"), (Int64(-1), "00000000000000"), (Int64(0), "00000000000000"),
        (Int64(1) << 56 - 1, "ffffffffffffff"), (Int64(1) << 56, "ffffffffffffff"), (Int64.max, "ffffffffffffff"),
    ] as [(Int64, String)])
    func timeOutsideTheDigitsIsClamped(microseconds: Int64, digits: String) {
        let value = OrderedToken.make(random: SodiumRandomSource(), microseconds: microseconds)

        #expect(value.prefix(OrderedToken.timeDigits) == digits)
        #expect(value.utf8.count == OrderedToken.length)
    }

    @Test func keyChangesWithTheTimeDigits() {
        let value = OrderedToken.make(random: FixedRandomSource(byte: 7), microseconds: 1000)
        let sameRandomOtherTime = OrderedToken.make(random: FixedRandomSource(byte: 7), microseconds: 1001)

        #expect(TokenHash.of(value) != TokenHash.of(sameRandomOtherTime))
        #expect(!TokenHash.matches(sameRandomOtherTime, hash: TokenHash.of(value)))
    }

    @Test func keysSortInIssueOrder() {
        let start = OrderedToken.currentMicroseconds()
        let values = (0..<200).map { step in
            OrderedToken.make(random: SodiumRandomSource(), microseconds: start + Int64(step) * 37)
        }
        let keys = values.map(TokenHash.of)

        #expect(keys == keys.sorted())
        #expect(Set(keys).count == values.count)
    }

    @Test func keyOfAnOrderedValueIsItsTimeThenTheHashOfTheRest() {
        let value = OrderedToken.make(random: SodiumRandomSource(), microseconds: 1_764_892_800_000_000)
        let hash = Hex.encode(SHA256.hash(Array(value.utf8.dropFirst(OrderedToken.timeDigits))))

        #expect(TokenHash.of(value) == String(value.prefix(OrderedToken.timeDigits)) + hash)
        #expect(TokenHash.of(value).utf8.count == OrderedToken.timeDigits + 64)
    }

    @Test(arguments: [
        "short",
        String(repeating: "A", count: 43),
        // The right length with time digits that are not lowercase hexadecimal.
        "0000012345678F" + String(repeating: "A", count: 43),
        "0000012345678g" + String(repeating: "A", count: 43),
        " 000012345678f" + String(repeating: "A", count: 43),
        // One character too many and too few.
        "00000123456789" + String(repeating: "A", count: 44),
        "00000123456789" + String(repeating: "A", count: 42),
    ])
    func keyOfAnyOtherValueIsThePlainHash(value: String) {
        #expect(!OrderedToken.hasOrderedShape(Array(value.utf8)))
        #expect(TokenHash.of(value) == Hex.encode(SHA256.hash(Array(value.utf8))))
    }

    @Test func plainHashOfAnOrderedValueDoesNotMatch() {
        let value = OrderedToken.make(random: SodiumRandomSource(), microseconds: 42)
        let plainHash = Hex.encode(SHA256.hash(Array(value.utf8)))

        #expect(TokenHash.matches(value, hash: TokenHash.of(value)))
        #expect(!TokenHash.matches(value, hash: plainHash))
        #expect(!TokenHash.matches(value, hash: String(value.prefix(OrderedToken.timeDigits)) + plainHash))
        #expect(!TokenHash.matches(value, hash: String(TokenHash.of(value).dropFirst(OrderedToken.timeDigits))))
    }

    @Test func currentMicrosecondsIsTheRealTimeClock() {
        let before = Int64(Date().timeIntervalSince1970 * 1_000_000)
        let reading = OrderedToken.currentMicroseconds()
        let after = Int64(Date().timeIntervalSince1970 * 1_000_000)

        // Date rounds through a Double, which at this magnitude is exact to about a quarter of a microsecond.
        #expect(reading >= before - 1)
        #expect(reading <= after + 1)
    }

    @Test func issuerUsesItsClockForCodesAndTokens() throws {
        let clock = SteppingClock(start: 5_000)
        let issuer = TokenIssuer(random: SodiumRandomSource(), microseconds: clock.next)

        let code = issuer.issueLaunchCode(for: Fixtures.confidentialApp, userID: "user_1", at: 100).code
        let tokens = issuer.issueTokens(clientID: "c", userID: "user_1", scope: .default, grantID: "g", at: 100)

        #expect(code.hasPrefix("00000000001388"))
        let access = tokens.response.accessToken
        let refresh = try #require(tokens.response.refreshToken)
        #expect(access.hasPrefix("00000000001389"))
        #expect(refresh.hasPrefix("00000000001389"))
        #expect(tokens.accessToken.tokenHash == TokenHash.of(access))
        #expect(TokenHash.of(code) < tokens.accessToken.tokenHash)
    }

    @Test func clientSecretsStayPlainRandomValues() {
        let (secret, hash) = TokenIssuer().makeClientSecret()

        #expect(secret.utf8.count == 43)
        #expect(!OrderedToken.hasOrderedShape(Array(secret.utf8)))
        #expect(hash == Hex.encode(SHA256.hash(Array(secret.utf8))))
    }
}

/// A clock for `TokenIssuer` that returns `start`, then one more on every call.
private final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(start: Int64) {
        value = start
    }

    @Sendable func next() -> Int64 {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
