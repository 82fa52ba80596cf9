import Testing

@testable import Logging

@Suite struct LoggerMetadataTests {
    @Test func literalsBuildCases() {
        let string: Logger.MetadataValue = "plain"
        let interpolated: Logger.MetadataValue = "status \(200)"
        let dictionary: Logger.MetadataValue = ["nested": "value"]
        let array: Logger.MetadataValue = ["a", "b"]

        #expect(string == .string("plain"))
        #expect(interpolated == .string("status 200"))
        #expect(dictionary == .dictionary(["nested": .string("value")]))
        #expect(array == .array([.string("a"), .string("b")]))
    }

    @Test func descriptions() {
        let value: Logger.MetadataValue = .dictionary([
            "z": .stringConvertible(42),
            "a": .array(["x", .stringConvertible(true)]),
        ])

        #expect(Logger.MetadataValue.string("text").description == "text")
        #expect(Logger.MetadataValue.stringConvertible(3.5).description == "3.5")
        #expect(value.description == "[a: [x, true], z: 42]")
    }

    @Test func stringConvertibleComparesDescriptions() {
        #expect(Logger.MetadataValue.stringConvertible(7) == .stringConvertible("7"))
        #expect(Logger.MetadataValue.stringConvertible(7) != .string("7"))
    }

    @Test func messageFromInterpolation() {
        let path = "/token"
        let message: Logger.Message = "served \(path) in \(12) ms"

        #expect(message.description == "served /token in 12 ms")
        #expect(message == "served /token in 12 ms")
    }
}
