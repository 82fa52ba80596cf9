/// The text line layout: `TIMESTAMP LEVEL LABEL: MESSAGE key=value key=value`, metadata sorted by key.
///
/// Control characters in every field are escaped (`\n`, `\t`, `\u001B`), so one record is always
/// one line. A metadata key or value is quoted when it is empty or contains a space, `"`, `=`, `\`
/// or a control character. Inside the quotes, `"` and `\` get a backslash before them.
enum TextLogFormat {
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

        timestamp.append(to: &line)
        line.append(UInt8(ascii: " "))
        line.appendUTF8(level.rawValue)
        line.append(UInt8(ascii: " "))
        line.appendEscapingControls(label)
        line.append(UInt8(ascii: ":"))
        line.append(UInt8(ascii: " "))
        line.appendEscapingControls(message.description)

        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line.append(UInt8(ascii: " "))
            line.appendToken(key)
            line.append(UInt8(ascii: "="))
            line.appendToken(value.description)
        }
        line.append(UInt8(ascii: "\n"))
        return line
    }
}

extension [UInt8] {
    /// Appends `text` with control characters escaped and everything else unchanged.
    fileprivate mutating func appendEscapingControls(_ text: String) {
        for byte in text.utf8 {
            appendEscapingControl(byte)
        }
    }

    /// Appends `text` bare when it is a single plain word, and quoted with escapes otherwise.
    fileprivate mutating func appendToken(_ text: String) {
        guard text.utf8.contains(where: \.needsQuotesInToken) || text.isEmpty else {
            appendUTF8(text)
            return
        }
        append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                append(UInt8(ascii: "\\"))
            }
            appendEscapingControl(byte)
        }
        append(UInt8(ascii: "\""))
    }

    private mutating func appendEscapingControl(_ byte: UInt8) {
        guard byte.isASCIIControl else {
            append(byte)
            return
        }
        if !appendShortEscape(byte) {
            appendUnicodeEscape(byte)
        }
    }
}

extension UInt8 {
    fileprivate var needsQuotesInToken: Bool {
        switch self {
        case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "="), UInt8(ascii: "\\"):
            true
        default:
            isASCIIControl
        }
    }
}
