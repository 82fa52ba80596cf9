/// Compact JSON text written straight into a byte buffer, for API responses on hot paths.
///
/// Callers write object members and array elements in order, and the writer places the commas. Strings are
/// escaped as RFC 8259 section 7 requires: `"`, `\` and the control characters U+0000 to U+001F. Every other
/// character is written as UTF-8. The writer does not check nesting, so a caller must close what it opens.
struct APIJSONWriter {
    /// The JSON text written so far.
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    /// Creates an empty writer whose buffer has room for `capacity` bytes before it grows.
    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a member name that needs no escaping, such as `"user_id"`, and the colon after it.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a member name taken from data, escaped, and the colon after it.
    mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        Self.appendEscaped(value, to: &bytes)
        needsComma = true
    }

    /// Writes `value`, or `null` when it is nil.
    mutating func string(_ value: String?) {
        if let value {
            string(value)
        } else {
            null()
        }
    }

    mutating func integer(_ value: Int64) {
        separate()
        // Integer descriptions fit in a small string, so this allocates nothing on the heap.
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// Writes `value`, or `null` when it is nil.
    mutating func integer(_ value: Int64?) {
        if let value {
            integer(value)
        } else {
            null()
        }
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Self.trueText : Self.falseText)
        needsComma = true
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: Self.nullText)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
    }

    private static let trueText = Array("true".utf8)
    private static let falseText = Array("false".utf8)
    private static let nullText = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escaping, so check the contiguous UTF-8 storage, which native strings have, and
        // copy it in one piece. Iterating `String.UTF8View` byte by byte showed up in profiles of `/v5/me`.
        let appended = text.utf8.withContiguousStorageIfAvailable { buffer in
            guard !buffer.contains(where: needsEscaping) else {
                return false
            }
            output.append(contentsOf: buffer)
            return true
        }
        if appended == true {
            output.append(UInt8(ascii: "\""))
            return
        }

        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case UInt8(ascii: "\n"):
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"):
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"):
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                // The remaining control characters as \u00XX.
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
