import DoormanHTTP

extension FuzzTarget {
    /// `JSONParser`, the parser of JSON request bodies.
    ///
    /// Checks that a parsed value serializes to text that parses to an equal value and serializes to the same
    /// bytes again, that the byte and string entry points agree, and that error offsets lie inside the input.
    static let json = FuzzTarget(name: "json") { bytes in
        let value: JSONValue
        do throws(HTTPParseError) {
            value = try JSONValue.parse(bytes)
        } catch {
            checkOffset(of: error, within: bytes.count)
            return
        }

        let serialized = value.serialized()
        let reparsed = try? JSONValue.parse(serialized)
        check(reparsed == value, "serialized JSON \(excerpt(value.serializedString())) parses to another value")
        check(reparsed?.serialized() == serialized, "serializing a reparsed value changes its bytes")
        if let text = String(validating: bytes, as: UTF8.self) {
            check((try? JSONValue.parse(text)) == value, "string and byte parsing disagree")
        }
        check(maximumDepth(of: value) <= JSONParser.defaultMaximumDepth, "a parsed value nests past the limit")
    }

    /// Returns the nesting depth of arrays and objects in `value`, counted as `JSONParser` counts it.
    private static func maximumDepth(of value: JSONValue) -> Int {
        switch value {
        case .array(let elements): 1 + (elements.map(maximumDepth).max() ?? 0)
        case .object(let object): 1 + (object.members.map { maximumDepth(of: $0.value) }.max() ?? 0)
        default: 0
        }
    }
}
