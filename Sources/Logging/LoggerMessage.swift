extension Logger {
    /// The text of one log message, written as a string literal or an interpolation.
    ///
    /// `logger.info("served \(path)")` builds a `Message` without naming the type.
    public struct Message: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, Equatable,
        CustomStringConvertible, Sendable
    {
        /// The message's text.
        public var description: String

        /// Creates a message from a string literal or the result of an interpolation.
        public init(stringLiteral value: String) {
            self.description = value
        }
    }
}
