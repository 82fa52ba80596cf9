/// A handler that formats each record as one line of text or JSON and writes it to a `LogSink`.
///
/// The whole line is built in memory and handed to the sink in one call, so with
/// `FileDescriptorLogSink` every line is a single `write(2)` and lines from concurrent threads do
/// not interleave. Timestamps are UTC with milliseconds.
public struct StreamLogHandler: LogHandler {
    /// A line layout.
    public enum Format: String, Sendable, CaseIterable {
        /// `2026-12-04T16:56:52.123Z info doorman: request served http.status=200 request.id=abc`,
        /// metadata sorted by key, values quoted when they contain spaces.
        case text

        /// One JSON object per line: `timestamp`, `level`, `label`, `message` and the metadata keys.
        case json
    }

    /// The label of the logger that created the handler.
    public let label: String

    /// The layout of each line.
    public let format: Format

    /// The destination of each line.
    public let sink: any LogSink

    /// The minimum level that this handler writes, `info` by default.
    public var logLevel: Logger.Level = .info

    /// Metadata written with every record. A call's own metadata wins on equal keys.
    public var metadata: Logger.Metadata = [:]

    /// Creates a handler that writes lines in `format` to `sink`.
    public init(label: String, format: Format = .text, sink: any LogSink) {
        self.label = label
        self.format = format
        self.sink = sink
    }

    /// Creates a handler that writes text lines to standard error, in the form `LoggingSystem.bootstrap` takes.
    public static func standardError(label: String) -> StreamLogHandler {
        StreamLogHandler(label: label, format: .text, sink: FileDescriptorLogSink.standardError)
    }

    /// Creates a handler that writes lines in `format` to standard error.
    public static func standardError(label: String, format: Format) -> StreamLogHandler {
        StreamLogHandler(label: label, format: format, sink: FileDescriptorLogSink.standardError)
    }

    /// Creates a handler that writes text lines to standard output.
    public static func standardOutput(label: String) -> StreamLogHandler {
        StreamLogHandler(label: label, format: .text, sink: FileDescriptorLogSink.standardOutput)
    }

    /// Reads or writes one entry of the handler's metadata.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats the record with the current time and writes it to the sink.
    ///
    /// `source`, `file`, `function` and `line` are not part of either layout.
    public func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata callMetadata: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    ) {
        sink.write(formatLine(timestamp: .now(), level: level, message: message, callMetadata: callMetadata))
    }

    /// Builds one line in `format`, with the handler's metadata merged under the call's metadata.
    func formatLine(
        timestamp: UTCTimestamp,
        level: Logger.Level,
        message: Logger.Message,
        callMetadata: Logger.Metadata?
    ) -> [UInt8] {
        var merged = metadata
        if let callMetadata, !callMetadata.isEmpty {
            merged.merge(callMetadata) { _, callValue in callValue }
        }

        switch format {
        case .text:
            return TextLogFormat.line(
                timestamp: timestamp, level: level, label: label, message: message, metadata: merged)
        case .json:
            return JSONLogFormat.line(
                timestamp: timestamp, level: level, label: label, message: message, metadata: merged)
        }
    }
}
