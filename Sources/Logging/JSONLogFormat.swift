/// The JSON line layout: one object per line with `timestamp`, `level`, `label`, `message`, then
/// the metadata keys in sorted order.
///
/// A metadata key equal to one of the four record fields is written as `metadata.<key>` so that
/// every key in the object is distinct. Integer, Boolean and finite floating-point `stringConvertible`
/// values are written as JSON numbers and Booleans. Other values are strings, and dictionaries and
/// arrays nest. Strings escape `"`, `\` and every control character, and keep non-ASCII as UTF-8.
enum JSONLogFormat {
    /// The record's own fields, which metadata keys must not repeat.
    static let recordFields: Set<String> = ["timestamp", "level", "label", "message"]

    /// Builds the complete line, trailing newline included.
    static func line(
        timestamp: UTCTimestamp,
        level: Logger.Level,
        label: String,
        message: Logger.Message,
        metadata: Logger.Metadata
    ) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(256)

        line.appendUTF8(#"{"timestamp":""#)
        timestamp.append(to: &line)
        line.appendUTF8(#"","level":""#)
        line.appendUTF8(level.rawValue)
        line.appendUTF8(#"","label":"#)
        line.appendJSONString(label)
        line.appendUTF8(#","message":"#)
        line.appendJSONString(message.description)

        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line.append(UInt8(ascii: ","))
            line.appendJSONString(recordFields.contains(key) ? "metadata." + key : key)
            line.append(UInt8(ascii: ":"))
            line.appendJSONValue(value)
        }
        line.appendUTF8("}\n")
        return line
    }
}

extension [UInt8] {
    /// Appends `text` as a quoted JSON string.
    mutating func appendJSONString(_ text: String) {
        append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                append(UInt8(ascii: "\\"))
                append(byte)
            case _ where byte.isASCIIControl:
                if !appendShortEscape(byte) {
                    appendUnicodeEscape(byte)
                }
            default:
                append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }

    /// Appends a metadata value as JSON.
    fileprivate mutating func appendJSONValue(_ value: Logger.MetadataValue) {
        switch value {
        case .string(let string):
            appendJSONString(string)
        case .stringConvertible(let convertible):
            appendJSONScalar(convertible)
        case .dictionary(let dictionary):
            append(UInt8(ascii: "{"))
            for (index, entry) in dictionary.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 {
                    append(UInt8(ascii: ","))
                }
                appendJSONString(entry.key)
                append(UInt8(ascii: ":"))
                appendJSONValue(entry.value)
            }
            append(UInt8(ascii: "}"))
        case .array(let array):
            append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 {
                    append(UInt8(ascii: ","))
                }
                appendJSONValue(element)
            }
            append(UInt8(ascii: "]"))
        }
    }

    /// Appends integers, Booleans and finite floating-point numbers bare, and anything else as a string.
    private mutating func appendJSONScalar(_ value: any CustomStringConvertible & Sendable) {
        switch value {
        case let boolean as Bool:
            appendUTF8(boolean ? "true" : "false")
        case let integer as any BinaryInteger:
            appendUTF8(integer.description)
        case let number as Double where number.isFinite:
            appendUTF8(number.description)
        case let number as Float where number.isFinite:
            appendUTF8(number.description)
        default:
            appendJSONString(value.description)
        }
    }
}
