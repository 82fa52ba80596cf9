import Foundation
import Testing

@testable import Logging

@Suite struct JSONLogFormatTests {
    /// Parses one line with Foundation, which rejects invalid JSON and unescaped control characters.
    private func parse(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().contains("\n") == false)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func recordFields() throws {
        let object = try parse(formattedLine(format: .json, level: .error, message: "access"))

        #expect(object["timestamp"] as? String == "2026-12-04T16:56:52.123Z")
        #expect(object["level"] as? String == "error")
        #expect(object["label"] as? String == "doorman")
        #expect(object["message"] as? String == "access")
        #expect(object.count == 4)
    }

    @Test(arguments: [
        #"quote " inside"#,
        #"back\slash"#,
        "new\nline",
        "carriage\rreturn\ttab",
        "controls \u{00}\u{01}\u{08}\u{0C}\u{1B}\u{1F}\u{7F}",
        "emoji 🦄 and accents é ü and CJK 漢字",
        "line separator \u{2028} kept",
        "",
    ])
    func stringEscapingRoundTrips(text: String) throws {
        let line = formattedLine(
            format: .json, message: Logger.Message(stringLiteral: text), callMetadata: ["value": .string(text)])
        let object = try parse(line)

        #expect(object["message"] as? String == text)
        #expect(object["value"] as? String == text)
    }

    @Test func nonASCIIKeptAsUTF8() {
        let line = formattedLine(format: .json, message: "🦄 é")

        #expect(line.contains(#""message":"🦄 é""#))
    }

    @Test func controlCharacterEscapes() {
        let line = formattedLine(format: .json, message: "\u{01}\n\u{7F}")

        #expect(line.contains(#""message":"\u0001\n\u007F""#))
    }

    @Test func metadataKeysAndTypes() throws {
        let object = try parse(formattedLine(
            format: .json,
            message: "m",
            handlerMetadata: ["shared": "handler", "request.id": "abc"],
            callMetadata: [
                "shared": "call",
                "http.status": .stringConvertible(200),
                "cached": .stringConvertible(false),
                "duration.seconds": .stringConvertible(0.25),
                "infinite": .stringConvertible(Double.infinity),
                "client": ["id": "c1", "scopes": ["openid", "email"]],
            ]
        ))

        #expect(object["shared"] as? String == "call")
        #expect(object["request.id"] as? String == "abc")
        #expect(object["http.status"] as? Int == 200)
        #expect(object["cached"] as? Bool == false)
        #expect(object["duration.seconds"] as? Double == 0.25)
        #expect(object["infinite"] as? String == "inf")
        let client = try #require(object["client"] as? [String: Any])
        #expect(client["id"] as? String == "c1")
        #expect(client["scopes"] as? [String] == ["openid", "email"])
    }

    @Test func metadataKeysSorted() {
        let line = formattedLine(format: .json, message: "m", callMetadata: ["b": "2", "a": "1", "c": "3"])

        #expect(line.hasSuffix(#""message":"m","a":"1","b":"2","c":"3"}"# + "\n"))
    }

    @Test func metadataCannotOverwriteRecordFields() throws {
        let object = try parse(formattedLine(
            format: .json,
            message: "real",
            callMetadata: ["message": "fake", "level": "critical", "timestamp": "then", "label": "other"]
        ))

        #expect(object["message"] as? String == "real")
        #expect(object["level"] as? String == "info")
        #expect(object["metadata.message"] as? String == "fake")
        #expect(object["metadata.level"] as? String == "critical")
        #expect(object["metadata.timestamp"] as? String == "then")
        #expect(object["metadata.label"] as? String == "other")
    }
}
