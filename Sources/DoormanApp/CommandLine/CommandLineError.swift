/// A command line that cannot be parsed, with the message for standard error and the exit status.
public struct CommandLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exit status for a usage error, such as an unknown option or an invalid value.
    ///
    /// NOTE: swift-argument-parser 1.x exits with `EX_USAGE` (64) for usage errors, so moving to it
    /// changes this status unless the caller maps it.
    public static let usageExitCode: Int32 = 2

    /// The message for the user, without a trailing newline.
    public var message: String

    /// The status that the process should exit with.
    public var exitCode: Int32

    /// Creates an error with `message` and `exitCode`.
    public init(message: String, exitCode: Int32 = CommandLineError.usageExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    /// The message for the user.
    public var description: String {
        message
    }
}
