extension JSONValue: CustomStringConvertible {
    /// Serializes the value as compact JSON text in UTF-8, with object members in their stored order.
    ///
    /// Strings escape `"`, `\` and the control characters U+0000 to U+001F, and keep every other character as
    /// UTF-8. Numbers keep their literal text. Parsing the output gives back an equal value.
    // NOTE: serialization recurses once per nesting level. Parsed values are bounded by
    // `JSONParser.maximumSupportedDepth`, but a value built in code thousands of levels deep can exhaust the stack.
    public func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        JSONWriter.write(self, to: &output)
        return output
    }

    /// Serializes the value as compact JSON text, as `serialized()` does.
    public func serializedString() -> String {
        String(decoding: serialized(), as: UTF8.self)
    }

    /// Compact JSON text of the value.
    public var description: String {
        serializedString()
    }
}

/// Writer of compact JSON text.
enum JSONWriter {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.text.utf8)
        case .string(let text): writeString(text, to: &output)
        case .array(let elements): writeArray(elements, to: &output)
        case .object(let object): writeObject(object, to: &output)
        }
    }

    private static func writeArray(_ elements: [JSONValue], to output: inout [UInt8]) {
        output.append(0x5B)
        for (position, element) in elements.enumerated() {
            if position > 0 {
                output.append(ASCII.comma)
            }
            write(element, to: &output)
        }
        output.append(0x5D)
    }

    private static func writeObject(_ object: JSONObject, to output: inout [UInt8]) {
        output.append(0x7B)
        for (position, member) in object.members.enumerated() {
            if position > 0 {
                output.append(ASCII.comma)
            }
            writeString(member.key, to: &output)
            output.append(ASCII.colon)
            write(member.value, to: &output)
        }
        output.append(0x7D)
    }

    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(ASCII.quote)
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == ASCII.quote || $0 == ASCII.backslash }) {
            output.append(contentsOf: text.utf8)
            output.append(ASCII.quote)
            return
        }

        for byte in text.utf8 {
            switch byte {
            case ASCII.quote, ASCII.backslash:
                output.append(ASCII.backslash)
                output.append(byte)
            case 0x08: output.append(contentsOf: [ASCII.backslash, 0x62])  // \b
            case 0x09: output.append(contentsOf: [ASCII.backslash, 0x74])  // \t
            case 0x0A: output.append(contentsOf: [ASCII.backslash, 0x6E])  // \n
            case 0x0C: output.append(contentsOf: [ASCII.backslash, 0x66])  // \f
            case 0x0D: output.append(contentsOf: [ASCII.backslash, 0x72])  // \r
            case 0x00..<0x20:
                output.append(contentsOf: [ASCII.backslash, 0x75, 0x30, 0x30])  // \u00
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(ASCII.quote)
    }
}
