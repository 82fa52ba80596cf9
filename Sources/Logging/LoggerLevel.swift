extension Logger {
    /// A log level, ordered by severity from `trace` (least severe) to `critical` (most severe).
    ///
    /// A logger emits a message only when the message's level is at least the logger's `logLevel`.
    public enum Level: String, Codable, CaseIterable, Sendable {
        /// Very detailed tracing, such as every step of a request.
        case trace

        /// Information useful while debugging.
        case debug

        /// Routine information, such as a served request.
        case info

        /// A normal but significant condition, such as a start or a stop.
        case notice

        /// A condition that is not an error yet but may need attention.
        case warning

        /// An error that the program handled.
        case error

        /// A failure that needs immediate attention.
        case critical

        /// The level's position in severity order, `trace` being 0.
        var severity: Int {
            switch self {
            case .trace: 0
            case .debug: 1
            case .info: 2
            case .notice: 3
            case .warning: 4
            case .error: 5
            case .critical: 6
            }
        }
    }
}

extension Logger.Level: Comparable {
    /// Compares two levels by severity, so `.debug < .info`.
    public static func < (lhs: Logger.Level, rhs: Logger.Level) -> Bool {
        lhs.severity < rhs.severity
    }
}
