// One method per level, each forwarding to `Logger.log(level:...)` with its own call site.
extension Logger {
    /// Logs a message at `trace` level, for very detailed tracing.
    public func trace(
        _ message: @autoclosure () -> Logger.Message,
        metadata: @autoclosure () -> Logger.Metadata? = nil,
        source: @autoclosure () -> String? = nil,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        log(
            level: .trace, message(), metadata: metadata(), source: source(),
            file: file, function: function, line: line
        )
    }

    /// Logs a message at `debug` level, for information useful while debugging.
    public func debug(
        _ message: @autoclosure () -> Logger.Message,
        metadata: @autoclosure () -> Logger.Metadata? = nil,
        source: @autoclosure () -> String? = nil,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        log(
            level: .debug, message(), metadata: metadata(), source: source(),
            file: file, function: function, line: line
        )
    }

    /// Logs a message at `info` level, for routine information.
    public func info(
        _ message: @autoclosure () -> Logger.Message,
        metadata: @autoclosure () -> Logger.Metadata? = nil,
        source: @autoclosure () -> String? = nil,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        log(
            level: .info, message(), metadata: metadata(), source: source(),
            file: file, function: function, line: line
        )
    }

    /// Logs a message at `notice` level, for normal but significant conditions.
    public func notice(
        _ message: @autoclosure () -> Logger.Message,
        metadata: @autoclosure () -> Logger.Metadata? = nil,
        source: @autoclosure () -> String? = nil,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        log(
            level: .notice, message(), metadata: metadata(), source: source(),
            file: file, function: function, line: line
        )
    }

    /// Logs a message at `warning` level, for conditions that may need attention.
    public func warning(
        _ message: @autoclosure () -> Logger.Message,
        metadata: @autoclosure () -> Logger.Metadata? = nil,
        source: @autoclosure () -> String? = nil,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        log(
            level: .warning, message(), metadata: metadata(), source: source(),
            file: file, function: function, line: line
        )
    }

    /// Logs a message at `error` level, for errors that the program handled.
    public func error(
        _ message: @autoclosure () -> Logger.Message,
        metadata: @autoclosure () -> Logger.Metadata? = nil,
        source: @autoclosure () -> String? = nil,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        log(
            level: .error, message(), metadata: metadata(), source: source(),
            file: file, function: function, line: line
        )
    }

    /// Logs a message at `critical` level, for failures that need immediate attention.
    public func critical(
        _ message: @autoclosure () -> Logger.Message,
        metadata: @autoclosure () -> Logger.Metadata? = nil,
        source: @autoclosure () -> String? = nil,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        log(
            level: .critical, message(), metadata: metadata(), source: source(),
            file: file, function: function, line: line
        )
    }
}
