import DoormanCrypto
import DoormanHTTP
import DoormanOAuth
import Testing

@testable import DoormanApp

@Suite struct AdminUserTests {
    let harness: AdminHarness

    init() throws {
        harness = try AdminHarness()
    }

    @Test func createWithStdinPassword() throws {
        let json = try harness.runJSON(
            [
                "user", "create", "--username", "Ada.L", "--name", "Ada Lovelace", "--email", "ada@example.com",
                "--password-stdin",
            ],
            input: "correct horse\nsecond line\n")
        let id = try #require(json["id"]?.stringValue)

        #expect(Identifier.isValid(id, kind: .user))
        #expect(json["username"] == "Ada.L")
        #expect(json["name"] == "Ada Lovelace")
        #expect(json["email"] == "ada@example.com")
        #expect(json["password"] == .null)
        #expect(json.objectValue?.keys == ["id", "username", "name", "email", "password"])

        let stored = try #require(try harness.store.user(id: id))
        #expect(stored.username == "Ada.L")
        #expect(stored.name == "Ada Lovelace")
        #expect(stored.email == "ada@example.com")
        #expect(PasswordHasher().verify(password: "correct horse", hash: stored.passwordHash))
        #expect(!PasswordHasher().verify(password: "correct horse\nsecond line", hash: stored.passwordHash))
    }

    @Test func stdinPasswordDropsCRLF() throws {
        let json = try harness.runJSON(
            ["user", "create", "--username", "grace", "--password-stdin"], input: "pass word\r\n")
        let stored = try #require(try harness.store.user(username: "grace"))

        #expect(json["id"]?.stringValue == stored.id)
        #expect(PasswordHasher().verify(password: "pass word", hash: stored.passwordHash))
    }

    @Test func generatedPasswordPrintedOnce() throws {
        let json = try harness.runJSON(["user", "create", "--username", "linus"])
        let password = try #require(json["password"]?.stringValue)
        let stored = try #require(try harness.store.user(username: "linus"))

        #expect(password.count == 22)
        #expect(PasswordHasher().verify(password: password, hash: stored.passwordHash))
        #expect(json["name"] == .null)
        #expect(json["email"] == .null)
        #expect(stored.name == nil)
        #expect(stored.email == nil)
    }

    @Test func humanOutputShowsPassword() throws {
        let text = try harness.run(["user", "create", "--username", "margaret"])
        let stored = try #require(try harness.store.user(username: "margaret"))
        let lines = text.split(separator: "\n").map(String.init)

        #expect(lines.count == 3)
        #expect(lines.first == "Created user \(stored.id) (margaret).")
        #expect(lines.dropFirst().first?.hasPrefix("Password: ") == true)
        #expect(text.contains("shown only this once"))
    }

    @Test func duplicateUsernameIgnoringCase() throws {
        try harness.addUser("alice")
        let before = try harness.rowCounts()

        let failure = harness.failure(["user", "create", "--username", "ALICE"])

        #expect(failure?.exitCode == 1)
        #expect(
            failure?.message == #"username "ALICE" is taken (usernames are compared ignoring case); choose another"#)
        #expect(try harness.rowCounts() == before)
    }

    @Test(arguments: ["ab", String(repeating: "a", count: 33), "al ice", "álice", "a/b", ""])
    func invalidUsername(username: String) throws {
        let before = try harness.rowCounts()

        let failure = harness.failure(["user", "create", "--username=\(username)"])

        #expect(failure?.exitCode == 2)
        #expect(
            failure?.message
                == "invalid value \(username.debugDescription) for --username: expected 3 to 32 characters of "
                + "A-Z a-z 0-9 _ . -")
        #expect(try harness.rowCounts() == before)
    }

    @Test(arguments: ["no-at-sign", "two@@example.com", "ada@localhost", "ada @example.com", "@example.com"])
    func invalidEmail(email: String) throws {
        let failure = harness.failure(["user", "create", "--username", "ada", "--email", email])

        #expect(failure?.exitCode == 2)
        #expect(failure?.message.hasPrefix("invalid value \(email.debugDescription) for --email: expected") == true)
        #expect(try harness.store.user(username: "ada") == nil)
    }

    @Test func invalidName() throws {
        let failure = harness.failure(["user", "create", "--username", "ada", "--name", "Ada\nLovelace"])

        #expect(failure?.exitCode == 2)
        #expect(
            failure?.message
                == #"invalid value "Ada\nLovelace" for --name: expected 1 to 100 characters without control characters"#
        )
        #expect(try harness.store.user(username: "ada") == nil)
    }

    @Test(arguments: [
        ("", "the first line of standard input is empty; write the password followed by a newline"),
        ("\n", "the first line of standard input is empty; write the password followed by a newline"),
        (
            String(repeating: "x", count: 1025) + "\n",
            "the password on standard input is over the maximum of 1024 bytes"
        ),
        (String(repeating: "x", count: 5000), "the password on standard input is over the maximum of 1024 bytes"),
    ])
    func invalidStdinPassword(input: String, reason: String) throws {
        let before = try harness.rowCounts()

        let failure = harness.failure(
            ["user", "create", "--username", "ada", "--password-stdin"], input: Array(input.utf8))

        #expect(failure?.exitCode == 2)
        #expect(failure?.message == "invalid password for --password-stdin: \(reason)")
        #expect(try harness.rowCounts() == before)
    }

    @Test func stdinPasswordOfMaximumLength() throws {
        let password = String(repeating: "é", count: 512)
        _ = try harness.runJSON(["user", "create", "--username", "ada", "--password-stdin"], input: password + "\r\n")
        let stored = try #require(try harness.store.user(username: "ada"))

        #expect(PasswordHasher().verify(password: password, hash: stored.passwordHash))
    }

    @Test func stdinPasswordInvalidUTF8() throws {
        let failure = harness.failure(
            ["user", "create", "--username", "ada", "--password-stdin"], input: [0x61, 0xFF, 0x62, 0x0A])

        #expect(failure?.exitCode == 2)
        #expect(
            failure?.message
                == "invalid password for --password-stdin: the password on standard input is not valid UTF-8")
        #expect(try harness.store.user(username: "ada") == nil)
    }

    @Test func unknownFlag() throws {
        let failure = harness.failure(["user", "create", "--username", "ada", "--admin"])

        #expect(failure?.exitCode == 2)
        #expect(failure?.message == #"unknown option --admin; run "doorman user create --help" for the options"#)
        #expect(try harness.rowCounts()["users"] == 0)
    }

    @Test func missingRequiredOption() throws {
        let failure = harness.failure(["user", "create", "--name", "Ada"])

        #expect(failure?.exitCode == 2)
        #expect(
            failure?.message
                == "missing required option --username <name> (3 to 32 characters of A-Z a-z 0-9 _ . -); "
                + #"run "doorman user create --help" for the options"#)
        #expect(try harness.rowCounts()["users"] == 0)
    }
}
