import Synchronization

@testable import Logging

/// A sink that stores every line it receives, one entry per `write` call.
final class CapturingSink: LogSink {
    private let storage = Mutex<[[UInt8]]>([])

    func write(_ line: [UInt8]) {
        storage.withLock { $0.append(line) }
    }

    /// The lines received so far, decoded as UTF-8.
    var lines: [String] {
        storage.withLock { $0.map { String(decoding: $0, as: UTF8.self) } }
    }
}

/// One record as a handler received it.
struct RecordedLog: Sendable {
    var level: Logger.Level
    var message: String
    var metadata: Logger.Metadata?
    var source: String
    var file: String
    var line: UInt
}

/// A handler that keeps every record it receives in a shared list.
struct RecordingLogHandler: LogHandler {
    final class Records: Sendable {
        let storage = Mutex<[RecordedLog]>([])

        var all: [RecordedLog] {
            storage.withLock { $0 }
        }
    }

    let records = Records()
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    ) {
        let record = RecordedLog(
            level: level, message: message.description, metadata: metadata, source: source, file: file, line: line)
        records.storage.withLock { $0.append(record) }
    }
}

/// 2026-12-04T16:56:52.123Z.
let fixedTimestamp = UTCTimestamp(seconds: 1_796_403_412, nanoseconds: 123_456_789)

/// Formats one record at a fixed time with a handler built for the test.
func formattedLine(
    format: StreamLogHandler.Format,
    level: Logger.Level = .info,
    message: Logger.Message,
    handlerMetadata: Logger.Metadata = [:],
    callMetadata: Logger.Metadata? = nil
) -> String {
    var handler = StreamLogHandler(label: "doorman", format: format, sink: CapturingSink())
    handler.metadata = handlerMetadata
    let bytes = handler.formatLine(
        timestamp: fixedTimestamp, level: level, message: message, callMetadata: callMetadata)
    return String(decoding: bytes, as: UTF8.self)
}
