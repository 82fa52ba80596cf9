import Foundation
import Testing

@testable import Logging

@Suite struct ConcurrentLoggingTests {
    private static let threadCount = 8
    private static let linesPerThread = 1000

    /// Runs `body(thread)` on `threadCount` separate threads and waits for all of them.
    private func onThreads(_ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for thread in 0..<Self.threadCount {
            group.enter()
            Thread.detachNewThread {
                body(thread)
                group.leave()
            }
        }
        group.wait()
    }

    /// Logs `linesPerThread` JSON records from each thread with padding of varying length.
    private func logFromThreads(into sink: any LogSink) {
        onThreads { thread in
            var logger = Logger(label: "load") { StreamLogHandler(label: $0, format: .json, sink: sink) }
            logger[metadataKey: "thread"] = .stringConvertible(thread)
            for index in 0..<Self.linesPerThread {
                let padding = String(repeating: "x", count: (index * 37) % 300)
                logger.info("line", metadata: ["index": .stringConvertible(index), "padding": .string(padding)])
            }
        }
    }

    /// Checks that every line parses and that each thread's indices all appear exactly once.
    private func checkIntact(_ lines: [Substring]) throws {
        #expect(lines.count == Self.threadCount * Self.linesPerThread)
        var seen = Set<[Int]>()
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let thread = try #require(object["thread"] as? Int)
            let index = try #require(object["index"] as? Int)
            let padding = try #require(object["padding"] as? String)
            #expect(padding.count == (index * 37) % 300)
            seen.insert([thread, index])
        }
        #expect(seen.count == Self.threadCount * Self.linesPerThread)
    }

    @Test func capturingSinkReceivesWholeLines() throws {
        let sink = CapturingSink()

        logFromThreads(into: sink)

        let lines = sink.lines
        #expect(lines.allSatisfy { $0.hasSuffix("\n") })
        #expect(lines.allSatisfy { !$0.dropLast().contains("\n") })
        try checkIntact(lines.map { $0.dropLast() })
    }

    @Test func fileDescriptorLinesDoNotInterleave() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("logging-\(UUID().uuidString).log").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        try #require(descriptor >= 0)
        defer { unlink(path) }

        logFromThreads(into: FileDescriptorLogSink(fileDescriptor: descriptor))
        close(descriptor)

        let contents = try String(contentsOfFile: path, encoding: .utf8)
        #expect(contents.hasSuffix("\n"))
        try checkIntact(contents.split(separator: "\n", omittingEmptySubsequences: false).dropLast())
    }
}
