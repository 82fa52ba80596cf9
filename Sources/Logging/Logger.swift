/// A value that logs messages through a `LogHandler`, with the API of swift-log 1.x.
///
/// Create one per component with `Logger(label:)`, which uses the handler factory installed by
/// `LoggingSystem.bootstrap`. The message and metadata arguments are autoclosures, evaluated only
/// when the level is at least `logLevel`, so a disabled `debug` call costs one comparison.
public struct Logger: Sendable {
    /// The handler that writes this logger's records.
    public var handler: any LogHandler

    /// The name of the component that logs, such as `doorman.http`.
    public let label: String

    /// Creates a logger whose handler comes from the factory installed by `LoggingSystem.bootstrap`.
    public init(label: String) {
        self.init(label: label, factory: LoggingSystem.factory)
    }

    /// Creates a logger whose handler comes from `factory`, bypassing `LoggingSystem`.
    public init(label: String, factory: (String) -> any LogHandler) {
        self.label = label
        self.handler = factory(label)
    }

    /// The minimum level that this logger emits, stored in the handler.
    public var logLevel: Logger.Level {
        get { handler.logLevel }
        set { handler.logLevel = newValue }
    }

    /// Reads or writes one entry of the metadata attached to every record of this logger, stored in the handler.
    public subscript(metadataKey metadataKey: String) -> Logger.Metadata.Value? {
        get { handler[metadataKey: metadataKey] }
        set { handler[metadataKey: metadataKey] = newValue }
    }

    /// Logs a message at `level` when `level` is at least `logLevel`.
    ///
    /// - Parameters:
    ///   - metadata: metadata for this record only, merged over the logger's metadata.
    ///   - source: the module that logs, by default the module part of `file`.
    public func log(
        level: Logger.Level,
        _ message: @autoclosure () -> Logger.Message,
        metadata: @autoclosure () -> Logger.Metadata? = nil,
        source: @autoclosure () -> String? = nil,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        guard level >= handler.logLevel else {
            return
        }
        handler.log(
            level: level,
            message: message(),
            metadata: metadata(),
            source: source() ?? Logger.module(ofFileID: file),
            file: file,
            function: function,
            line: line
        )
    }

    /// Returns the module name of a `#fileID` such as `DoormanHTTP/Server.swift`.
    static func module(ofFileID fileID: String) -> String {
        guard let slash = fileID.firstIndex(of: "/") else {
            return "n/a"
        }
        return String(fileID[..<slash])
    }
}
