import DoormanCrypto
import DoormanHTTP
import DoormanOAuth

/// `doorman user create`: adds a user who can sign in to the hub.
enum UserCommands {
    /// Random bytes in a generated password: 16 bytes, 128 bits, 22 base64url characters.
    static let generatedPasswordBytes = 16

    static let username = CommandOption.string(
        "username", valueName: "name",
        help: "Name to sign in with. Usernames are unique ignoring case.",
        expected: Username.expected, isRequired: true)

    static let name = CommandOption.string(
        "name", valueName: "text", help: "Display name.", expected: AdminOptions.nameExpected)

    static let email = CommandOption.string(
        "email", valueName: "address", help: "Email address.",
        expected: EmailAddress.expected)

    static let passwordStdin = CommandOption.flag(
        "password-stdin",
        help: "Read the password from the first line of standard input instead of generating one. "
            + "The line ends at LF or CRLF, which are not part of the password.")

    /// The command definition.
    static let createCommand = Command(
        name: "create",
        abstract: "Create a user account.",
        discussion: "Without --password-stdin, a random password is generated and printed once. "
            + "Doorman stores only its Argon2id hash.",
        options: ConfigurationOption.storageAndLogging,
        commandOptions: AdminOptions.withJSON([username, name, email, passwordStdin]))

    /// Creates the user that `options` describe and returns the output, with a generated password
    /// unless `--password-stdin` was given.
    static func createUser(
        _ options: ParsedOptions, store: any DoormanStore, environment: AdminEnvironment = .process
    ) throws(AdminError) -> AdminOutput {
        let username = options.required(Self.username)
        guard Username.isValid(username) else {
            throw .invalidValue(username, for: Self.username, reason: "expected \(Self.username.expected)")
        }
        let name = try options.string(Self.name).map { value throws(AdminError) in
            try AdminOptions.validateName(value, for: Self.name)
        }
        let email = try options.string(Self.email).map { value throws(AdminError) in try validateEmail(value) }

        let password = try choosePassword(options, environment: environment)
        let hash = try hashPassword(password.text, with: environment.passwordHasher)
        let user = User(
            id: Identifier.make(.user, using: environment.random), username: username, name: name, email: email,
            passwordHash: hash)
        try insert(user, store: store)
        return output(for: user, generatedPassword: password.isGenerated ? password.text : nil)
    }

    /// Returns `value` when `EmailAddress.isValid` accepts it. Whether the address receives mail is not checked.
    static func validateEmail(_ value: String) throws(AdminError) -> String {
        guard EmailAddress.isValid(value) else {
            throw .invalidValue(value, for: email, reason: "expected \(email.expected)")
        }
        return value
    }

    /// Returns the password from standard input with `--password-stdin`, else a new random one.
    private static func choosePassword(_ options: ParsedOptions, environment: AdminEnvironment) throws(AdminError)
        -> (text: String, isGenerated: Bool)
    {
        if options.flag(passwordStdin) {
            return (try readPassword(environment), false)
        }
        return (environment.random.token(bytes: generatedPasswordBytes), true)
    }

    /// Reads the password from the first line of standard input.
    private static func readPassword(_ environment: AdminEnvironment) throws(AdminError) -> String {
        // Two bytes more than the maximum leave room for CRLF, and one more shows that a line is too long.
        let maximum = PasswordHasher.maximumPasswordBytes
        var line = environment.readInputLine(maximum + 3)
        if let newline = line.firstIndex(of: UInt8(ascii: "\n")) {
            line.removeSubrange(newline...)
            if line.last == UInt8(ascii: "\r") {
                line.removeLast()
            }
        }

        guard !line.isEmpty else {
            throw passwordError("the first line of standard input is empty; write the password followed by a newline")
        }
        guard line.count <= maximum else {
            throw passwordError("the password on standard input is over the maximum of \(maximum) bytes")
        }
        guard let password = String(validating: line, as: UTF8.self) else {
            throw passwordError("the password on standard input is not valid UTF-8")
        }
        return password
    }

    private static func passwordError(_ message: String) -> AdminError {
        AdminError(message: "invalid password for \(passwordStdin.flag): \(message)", exitCode: 2)
    }

    private static func hashPassword(_ password: String, with hasher: PasswordHasher) throws(AdminError) -> String {
        do throws(PasswordHashError) {
            return try hasher.hash(password: password)
        } catch {
            throw AdminError(message: "could not hash the password: \(error)", exitCode: 1)
        }
    }

    private static func insert(_ user: User, store: any DoormanStore) throws(AdminError) {
        do throws(StoreError) {
            try store.createUser(user)
        } catch .conflict {
            throw .conflict(
                "username \(quoted(user.username)) is taken (usernames are compared ignoring case); choose another")
        } catch {
            throw .store(error, action: "create the user")
        }
    }

    private static func output(for user: User, generatedPassword: String?) -> AdminOutput {
        var text = "Created user \(user.id) (\(user.username))."
        if let generatedPassword {
            text +=
                "\nPassword: \(generatedPassword)\nThe password is shown only this once. Doorman keeps only its hash."
        }
        let json: JSONValue = [
            "id": .string(user.id),
            "username": .string(user.username),
            "name": .optional(user.name),
            "email": .optional(user.email),
            "password": .optional(generatedPassword),
        ]
        return AdminOutput(text: text, json: json)
    }
}
