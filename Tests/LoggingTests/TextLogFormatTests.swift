import Testing

@testable import Logging

@Suite struct TextLogFormatTests {
    @Test func layout() {
        let line = formattedLine(
            format: .text,
            message: "access",
            callMetadata: ["request.id": "abc", "http.status": .stringConvertible(200)]
        )

        #expect(line == "2026-12-04T16:56:52.123Z info doorman: access http.status=200 request.id=abc\n")
    }

    @Test func layoutWithoutMetadata() {
        let line = formattedLine(format: .text, level: .warning, message: "disk almost full")

        #expect(line == "2026-12-04T16:56:52.123Z warning doorman: disk almost full\n")
    }

    @Test(arguments: [
        ("curl 8.0", #"agent="curl 8.0""#),
        ("", #"agent="""#),
        (#"say "hi""#, #"agent="say \"hi\"""#),
        (#"C:\path"#, #"agent="C:\\path""#),
        ("a=b", #"agent="a=b""#),
        ("two\nlines", #"agent="two\nlines""#),
        ("bell\u{07}", #"agent="bell\u0007""#),
        ("café☕", "agent=café☕"),
    ])
    func metadataValueQuoting(value: String, expected: String) {
        let line = formattedLine(format: .text, message: "m", callMetadata: ["agent": .string(value)])

        #expect(line == "2026-12-04T16:56:52.123Z info doorman: m \(expected)\n")
    }

    @Test func messageControlCharactersEscaped() {
        let line = formattedLine(format: .text, message: "first\nsecond\tthird\r\u{1B}[31m")

        #expect(line == #"2026-12-04T16:56:52.123Z info doorman: first\nsecond\tthird\r\u001B[31m"# + "\n")
    }

    @Test func oneLinePerRecord() {
        let line = formattedLine(format: .text, message: "a\nb", callMetadata: ["k": "c\nd"])

        #expect(line.filter { $0 == "\n" }.count == 1)
        #expect(line.hasSuffix("\n"))
    }

    @Test func callMetadataWinsOverHandlerMetadata() {
        let line = formattedLine(
            format: .text,
            message: "m",
            handlerMetadata: ["shared": "handler", "handler.only": "h"],
            callMetadata: ["shared": "call", "call.only": "c"]
        )

        #expect(line == "2026-12-04T16:56:52.123Z info doorman: m call.only=c handler.only=h shared=call\n")
    }

    @Test func handlerWritesThroughSink() throws {
        let sink = CapturingSink()
        var logger = Logger(label: "doorman") { StreamLogHandler(label: $0, sink: sink) }
        logger[metadataKey: "request.id"] = "abc"

        logger.debug("below the default level")
        logger.info("request served", metadata: ["http.status": "200"])

        let lines = sink.lines
        try #require(lines.count == 1)
        let timestamp = #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/#
        let rest = " info doorman: request served http.status=200 request.id=abc\n"
        let match = try #require(lines[0].prefixMatch(of: timestamp))
        #expect(lines[0][match.range.upperBound...] == rest)
    }
}
