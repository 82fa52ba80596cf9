import DoormanCrypto
import Synchronization
import Testing

/// Random source that returns bytes from a fixed script, repeating it as needed.
final class ScriptedRandomSource: RandomSource {
    private let script: [UInt8]
    private let position = Mutex(0)

    init(_ script: [UInt8]) {
        self.script = script
    }

    func bytes(count: Int) -> [UInt8] {
        position.withLock { position in
            (0..<count).map { _ in
                defer { position += 1 }
                return script[position % script.count]
            }
        }
    }
}

struct SecureRandomTests {
    private static let base64URLAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    @Test func bytesHaveRequestedCount() {
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        #expect(SecureRandom.bytes(count: 1).count == 1)
        #expect(SecureRandom.bytes(count: 4096).count == 4096)
    }

    @Test func bytesAreNotConstant() {
        let bytes = SecureRandom.bytes(count: 64)

        #expect(Set(bytes).count > 16)
    }

    @Test func defaultTokenHas256Bits() throws {
        let token = SecureRandom.token()

        #expect(token.count == 43)
        #expect(token.allSatisfy(Self.base64URLAlphabet.contains))
        #expect(try #require(Base64URL.decode(token)).count == 32)
    }

    @Test(arguments: [16, 24, 33, 64])
    func tokenLengthFollowsByteCount(byteCount: Int) throws {
        let token = SecureRandom.token(bytes: byteCount)

        #expect(try #require(Base64URL.decode(token)).count == byteCount)
        #expect(token.allSatisfy(Self.base64URLAlphabet.contains))
    }

    @Test func tokensAreUnique() {
        let tokens = (0..<10_000).map { _ in SecureRandom.token() }

        #expect(Set(tokens).count == tokens.count)
    }

    @Test func identifierHasPrefixAndURLSafeSuffix() {
        let identifier = SecureRandom.identifier(prefix: "user_")
        let suffix = identifier.dropFirst("user_".count)

        #expect(identifier.hasPrefix("user_"))
        #expect(suffix.count == 22)
        #expect(suffix.allSatisfy(Self.base64URLAlphabet.contains))
    }

    @Test func injectedSourceMakesTokensDeterministic() {
        let source = ScriptedRandomSource([0xfb, 0xff, 0xbf])

        #expect(source.token(bytes: 3) == "-_-_")
        #expect(source.identifier(prefix: "client_", bytes: 3) == "client_-_-_")
    }

    @Test func uniformRejectsBiasedValues() {
        // For an upper bound of 3, 0xffffffff is the single value above the accepted range, so it is drawn again.
        let source = ScriptedRandomSource([0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x05])

        #expect(source.uniform(below: 3) == 2)
    }

    @Test func uniformCoversWholeRange() {
        let values = Set((0..<2_000).map { _ in SodiumRandomSource().uniform(below: 10) })

        #expect(values == Set(0..<10))
    }
}
