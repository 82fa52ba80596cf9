import DoormanCrypto
import Testing

struct SHA256Tests {
    /// Digests from FIPS 180-4 example "abc" and the well-known digest of the empty message.
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func digestMatchesStandardVector(message: String, expectedHex: String) {
        #expect(Hex.encode(SHA256.hash(message)) == expectedHex)
    }

    @Test func digestIs32Bytes() {
        #expect(SHA256.hash([UInt8](repeating: 7, count: 1000)).count == 32)
    }

    @Test func stringAndBytesAgree() {
        #expect(SHA256.hash("grüße") == SHA256.hash(Array("grüße".utf8)))
    }

    /// RFC 7636 Appendix B: the verifier is base64url of 32 octets, and the S256 challenge is
    /// base64url(SHA-256(ASCII(code_verifier))).
    @Test func pkceS256ChallengeMatchesRFC7636() {
        let octets: [UInt8] = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186,
            22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ]
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

        let challenge = Base64URL.encode(SHA256.hash(Array(verifier.utf8)))

        #expect(Base64URL.encode(octets) == verifier)
        #expect(challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }
}
