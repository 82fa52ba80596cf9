/// A backend that receives log records from `Logger` and writes them somewhere.
///
/// A handler is a value: each `Logger` stores its own copy, so changing the level or the metadata
/// of one logger never affects another. `log` may be called from many threads at once.
public protocol LogHandler: Sendable {
    /// Writes one record. `Logger` calls it only when `level` is at least `logLevel`.
    ///
    /// - Parameters:
    ///   - metadata: the metadata passed to this call, which takes precedence over the handler's
    ///     own `metadata` on equal keys.
    ///   - source: the module that logged, derived from `file` unless the caller passed one.
    ///   - file: the `#fileID` of the call site.
    func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    )

    /// Reads or writes one entry of the handler's metadata, `nil` when the key is absent.
    subscript(metadataKey _: String) -> Logger.Metadata.Value? { get set }

    /// Metadata attached to every record this handler writes.
    var metadata: Logger.Metadata { get set }

    /// The minimum level that this handler writes.
    var logLevel: Logger.Level { get set }
}

/// A handler that discards every record, for tests and for code that must not log.
public struct SwiftLogNoOpLogHandler: LogHandler {
    /// Creates a handler that discards every record.
    public init() {}

    /// Creates a handler that discards every record and ignores the label, in the form `LoggingSystem.bootstrap` takes.
    public init(_: String) {}

    /// Discards the record.
    public func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    ) {}

    /// Always `nil`, and setting it has no effect.
    public subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    /// Always empty, and setting it has no effect.
    public var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    /// Always `.critical`, so `Logger` skips building lower messages. Setting it has no effect.
    public var logLevel: Logger.Level {
        get { .critical }
        set {}
    }
}
