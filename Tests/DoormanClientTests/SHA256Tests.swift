import DoormanCrypto
import Testing

@testable import DoormanClient

struct SHA256Tests {
    /// FIPS 180-4 examples "abc" and the two-block message, and the well-known digest of the empty message.
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func digestMatchesStandardVector(message: String, expectedHex: String) {
        #expect(hex(DoormanClient.SHA256.hash(Array(message.utf8))) == expectedHex)
    }

    /// The long-message vector: one million repetitions of "a".
    @Test func digestOfOneMillionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)

        #expect(
            hex(DoormanClient.SHA256.hash(message))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the padding boundaries (55, 56, 63, 64 bytes and their multiples) agree with libsodium.
    @Test func digestAgreesWithLibsodiumForEveryLengthUpTo200() {
        for length in 0...200 {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }

            #expect(DoormanClient.SHA256.hash(message) == DoormanCrypto.SHA256.hash(message), "length \(length)")
        }
    }

    @Test func digestIs32Bytes() {
        #expect(DoormanClient.SHA256.hash([UInt8](repeating: 1, count: 129)).count == 32)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
