import DoormanCrypto
import Testing

/// Returns the same bytes on every call, so a sealed box is reproducible.
private struct RepeatingRandomSource: RandomSource {
    let byte: UInt8

    func bytes(count: Int) -> [UInt8] {
        [UInt8](repeating: byte, count: count)
    }
}

struct SecretBoxTests {
    private let key = SHA256.hash("secretbox test key")
    private let plaintext = Array("access and refresh token values".utf8)

    @Test func sealThenOpenReturnsPlaintext() throws {
        let box = SecretBox.seal(plaintext, key: key)

        #expect(box.count == SecretBox.nonceByteCount + plaintext.count + SecretBox.tagByteCount)
        #expect(SecretBox.open(box, key: key) == plaintext)
    }

    @Test func boxDoesNotContainPlaintext() {
        let box = SecretBox.seal(plaintext, key: key)

        #expect(!box.starts(with: plaintext))
        #expect(Array(box.dropFirst(SecretBox.nonceByteCount).prefix(plaintext.count)) != plaintext)
    }

    @Test func otherKeyCannotOpen() {
        let box = SecretBox.seal(plaintext, key: key)

        #expect(SecretBox.open(box, key: SHA256.hash("another key")) == nil)
    }

    @Test(arguments: [0, SecretBox.nonceByteCount, SecretBox.nonceByteCount + 3])
    func changedByteIsRejected(position: Int) {
        var box = SecretBox.seal(plaintext, key: key)
        box[position] ^= 0x01

        #expect(SecretBox.open(box, key: key) == nil)
    }

    @Test(arguments: [0, 10, SecretBox.nonceByteCount + SecretBox.tagByteCount - 1])
    func shortBoxIsRejected(length: Int) {
        #expect(SecretBox.open([UInt8](repeating: 0, count: length), key: key) == nil)
    }

    @Test func wrongKeyLengthCannotOpen() {
        let box = SecretBox.seal(plaintext, key: key)

        #expect(SecretBox.open(box, key: Array(key.prefix(16))) == nil)
    }

    @Test func nonceComesFromRandomSource() {
        let first = SecretBox.seal(plaintext, key: key, random: RepeatingRandomSource(byte: 7))
        let second = SecretBox.seal(plaintext, key: key, random: RepeatingRandomSource(byte: 7))
        let fresh = SecretBox.seal(plaintext, key: key)

        #expect(first == second)
        #expect(first.prefix(SecretBox.nonceByteCount).allSatisfy { $0 == 7 })
        #expect(fresh != first)
    }

    @Test func emptyPlaintextRoundTrips() {
        let box = SecretBox.seal([], key: key)

        #expect(SecretBox.open(box, key: key) == [])
    }
}
