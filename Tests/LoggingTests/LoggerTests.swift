import Testing

@testable import Logging

@Suite struct LoggerTests {
    @Test func levelsOrderedBySeverity() {
        let expected: [Logger.Level] = [.trace, .debug, .info, .notice, .warning, .error, .critical]
        #expect(Logger.Level.allCases == expected)
        #expect(Logger.Level.allCases.sorted() == expected)
        #expect(Logger.Level.debug < .info)
        #expect(Logger.Level.critical > .error)
    }

    @Test func levelRawValues() {
        #expect(Logger.Level.allCases.map(\.rawValue) == [
            "trace", "debug", "info", "notice", "warning", "error", "critical",
        ])
        #expect(Logger.Level(rawValue: "warning") == .warning)
        #expect(Logger.Level(rawValue: "warn") == nil)
    }

    @Test(arguments: Logger.Level.allCases)
    func levelFiltering(threshold: Logger.Level) {
        let handler = RecordingLogHandler()
        var logger = Logger(label: "test") { _ in handler }
        logger.logLevel = threshold

        for level in Logger.Level.allCases {
            logger.log(level: level, "at \(level.rawValue)")
        }

        let logged = handler.records.all.map(\.level)
        #expect(logged == Logger.Level.allCases.filter { $0 >= threshold })
    }

    @Test func levelMethodsUseTheirLevel() {
        let handler = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in handler }

        logger.trace("t")
        logger.debug("d")
        logger.info("i")
        logger.notice("n")
        logger.warning("w")
        logger.error("e")
        logger.critical("c")

        let records = handler.records.all
        #expect(records.map(\.level) == Logger.Level.allCases)
        #expect(records.map(\.message) == ["t", "d", "i", "n", "w", "e", "c"])
    }

    @Test func disabledLevelSkipsAutoclosures() {
        let handler = RecordingLogHandler()
        var logger = Logger(label: "test") { _ in handler }
        logger.logLevel = .info
        var messageEvaluated = false
        var metadataEvaluated = false
        var sourceEvaluated = false

        logger.debug(
            { messageEvaluated = true; return "hidden" }(),
            metadata: { metadataEvaluated = true; return ["key": "value"] }(),
            source: { sourceEvaluated = true; return "Test" }()
        )

        #expect(!messageEvaluated)
        #expect(!metadataEvaluated)
        #expect(!sourceEvaluated)
        #expect(handler.records.all.isEmpty)
    }

    @Test func enabledLevelEvaluatesAutoclosures() {
        let handler = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in handler }
        var messageEvaluated = false

        logger.info({ messageEvaluated = true; return "shown" }(), metadata: ["key": "value"])

        #expect(messageEvaluated)
        #expect(handler.records.all.first?.metadata == ["key": "value"])
    }

    @Test func sourceDefaultsToModuleOfFile() throws {
        let handler = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in handler }

        logger.info("default source")
        logger.info("explicit source", source: "Custom")

        let records = handler.records.all
        try #require(records.count == 2)
        #expect(records[0].source == "LoggingTests")
        #expect(records[0].file == "LoggingTests/LoggerTests.swift")
        #expect(records[1].source == "Custom")
    }

    @Test func metadataSubscriptStoresInHandler() {
        var logger = Logger(label: "test") { _ in RecordingLogHandler() }

        logger[metadataKey: "request.id"] = "abc"

        #expect(logger[metadataKey: "request.id"] == "abc")
        #expect(logger.handler.metadata == ["request.id": "abc"])
        logger[metadataKey: "request.id"] = nil
        #expect(logger[metadataKey: "request.id"] == nil)
    }

    @Test func loggerCopiesAreIndependent() {
        var first = Logger(label: "test") { _ in RecordingLogHandler() }
        var second = first

        first.logLevel = .error
        second[metadataKey: "only"] = "second"

        #expect(second.logLevel == .trace)
        #expect(first[metadataKey: "only"] == nil)
    }

    @Test func factoryReceivesLabel() {
        let logger = Logger(label: "doorman.http") { label in
            var handler = RecordingLogHandler()
            handler.metadata = ["label": .string(label)]
            return handler
        }

        #expect(logger.label == "doorman.http")
        #expect(logger[metadataKey: "label"] == "doorman.http")
    }

    @Test func noOpHandlerDiscardsEverything() {
        var logger = Logger(label: "test", factory: SwiftLogNoOpLogHandler.init)
        logger.logLevel = .trace
        logger[metadataKey: "key"] = "value"
        var evaluated = false

        logger.error({ evaluated = true; return "dropped" }())

        #expect(logger.logLevel == .critical)
        #expect(logger[metadataKey: "key"] == nil)
        #expect(!evaluated)
    }

    @Test func bootstrapInstallsFactory() {
        let handler = RecordingLogHandler()
        LoggingSystem.bootstrapInternal { _ in handler }

        Logger(label: "boot").notice("through the system")

        #expect(handler.records.all.map(\.message) == ["through the system"])
        LoggingSystem.bootstrapInternal { StreamLogHandler.standardError(label: $0) }
    }
}
