import DoormanOAuth

/// A failed administration command, with the message for standard error and the exit status.
///
/// Input that is wrong whatever the database contains, such as a malformed URL, exits with
/// `CommandLineError.usageExitCode` (2), as the parser's errors do. Input that disagrees with the
/// database, such as an unknown product or a taken username, and store failures exit with 1.
public struct AdminError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message for the user, without a trailing newline.
    public var message: String

    /// The status that the process should exit with.
    public var exitCode: Int32

    /// Creates an error with `message` and `exitCode`.
    public init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    /// The message for the user.
    public var description: String {
        message
    }

    /// Creates a usage error for a value that `option` does not accept; `reason` states what it accepts.
    static func invalidValue(_ value: String, for option: CommandOption, reason: String) -> AdminError {
        AdminError(
            message: "invalid value \(quoted(value)) for \(option.flag): \(reason)",
            exitCode: CommandLineError.usageExitCode)
    }

    /// Creates the error for a reference to a record that does not exist, with the command that makes one.
    ///
    /// - Parameters:
    ///   - kind: the record's kind as the user writes it, such as `product`.
    ///   - value: the identifier or name given on the command line.
    ///   - remedy: what to do, such as `create it with doorman product create`.
    static func unknown(_ kind: String, _ value: String, remedy: String) -> AdminError {
        AdminError(message: "unknown \(kind) \(quoted(value)): \(remedy)", exitCode: 1)
    }

    /// Creates the error for a request that the stored records do not allow, such as a second user
    /// with a taken username.
    static func conflict(_ message: String) -> AdminError {
        AdminError(message: message, exitCode: 1)
    }

    /// Creates the error for a store failure while doing `action`, such as `create the user`.
    static func store(_ error: StoreError, action: String) -> AdminError {
        AdminError(message: "could not \(action): \(error)", exitCode: 1)
    }
}

/// Runs `body`, turning a `StoreError` into an `AdminError` that names `action`.
///
/// Callers that expect a particular store error, such as a username conflict, catch it themselves first.
func withStore<Value>(_ action: String, _ body: () throws(StoreError) -> Value) throws(AdminError) -> Value {
    do throws(StoreError) {
        return try body()
    } catch {
        throw .store(error, action: action)
    }
}
