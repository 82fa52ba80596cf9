import DoormanCrypto
import Testing

struct PasswordHasherTests {
    private let hasher = PasswordHasher(limits: .minimum)

    @Test func correctPasswordVerifies() throws {
        let hash = try hasher.hash(password: "correct horse battery staple")

        #expect(hash.hasPrefix("$argon2id$"))
        #expect(hasher.verify(password: "correct horse battery staple", hash: hash))
    }

    @Test func wrongPasswordFails() throws {
        let hash = try hasher.hash(password: "correct horse battery staple")

        #expect(!hasher.verify(password: "correct horse battery stapler", hash: hash))
        #expect(!hasher.verify(password: "", hash: hash))
    }

    @Test func nonASCIIAndEmptyPasswordsWork() throws {
        for password in ["", "pässwörd", "密码🔑"] {
            let hash = try hasher.hash(password: password)

            #expect(hasher.verify(password: password, hash: hash), "password \(password.debugDescription)")
        }
    }

    @Test func saltMakesHashesDiffer() throws {
        let first = try hasher.hash(password: "same")
        let second = try hasher.hash(password: "same")

        #expect(first != second)
    }

    @Test func malformedHashFailsVerification() {
        #expect(!hasher.verify(password: "x", hash: ""))
        #expect(!hasher.verify(password: "x", hash: "$argon2id$v=19$m=8,t=1,p=1$bad"))
    }

    @Test func tooLongPasswordIsRejected() throws {
        let longest = String(repeating: "a", count: PasswordHasher.maximumPasswordBytes)
        let tooLong = longest + "a"

        let hash = try hasher.hash(password: longest)
        #expect(hasher.verify(password: longest, hash: hash))
        #expect(throws: PasswordHashError.passwordTooLong(byteCount: 1025, maximum: 1024)) {
            try hasher.hash(password: tooLong)
        }
        #expect(!hasher.verify(password: tooLong, hash: hash))
    }

    @Test func weakerHashNeedsRehash() throws {
        let weakHash = try hasher.hash(password: "secret")
        let interactive = PasswordHasher(limits: .interactive)

        #expect(interactive.needsRehash(hash: weakHash))
        #expect(!hasher.needsRehash(hash: weakHash))
        #expect(interactive.verify(password: "secret", hash: weakHash))
    }

    @Test func malformedHashNeedsRehash() {
        #expect(hasher.needsRehash(hash: "not a hash"))
    }

    @Test func interactiveLimitsHashAndVerify() throws {
        let interactive = PasswordHasher(limits: .interactive)

        let hash = try interactive.hash(password: "secret")

        #expect(hash.contains("m=65536,t=2,p=1"))
        #expect(interactive.verify(password: "secret", hash: hash))
        #expect(!interactive.needsRehash(hash: hash))
    }
}
