/// Writing the Prometheus text exposition format, version 0.0.4: escaping, numbers and sample lines.
///
/// The format: `# HELP name text` and `# TYPE name kind` lines, then one `name{label="value",...} number`
/// line per sample. Label values escape backslash, double quote and line feed; help text escapes backslash
/// and line feed.
public enum PrometheusText {
    /// The `Content-Type` of a response that carries this format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// A sample value: integers are written exactly, floating-point values in the shortest form that reads back.
    enum Number {
        case integer(Int64)
        case double(Double)
    }

    /// Returns `value` escaped for a label value: `\` as `\\`, `"` as `\"` and a line feed as `\n`.
    public static func escapeLabelValue(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Returns `text` escaped for a `# HELP` line: `\` as `\\` and a line feed as `\n`.
    public static func escapeHelp(_ text: String) -> String {
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Returns a floating-point value as the format writes it: `+Inf`, `-Inf`, `NaN`, or Swift's shortest
    /// decimal form such as `0.005` or `1e-05`, which Prometheus parses.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        return value.description
    }

    /// Returns `labels` as `name="value",...`, sorted by name, without braces.
    static func renderLabels(_ labels: [(String, String)]) -> String {
        labels.sorted { $0.0 < $1.0 }.map { "\($0.0)=\"\(escapeLabelValue($0.1))\"" }.joined(separator: ",")
    }

    static func appendSample(name: String, labels: String, value: Number, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: name.utf8)
        if !labels.isEmpty {
            buffer.append(UInt8(ascii: "{"))
            buffer.append(contentsOf: labels.utf8)
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: " "))
        switch value {
        case .integer(let number): buffer.append(contentsOf: String(number).utf8)
        case .double(let number): buffer.append(contentsOf: format(number).utf8)
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Appends the `_bucket` lines with cumulative counts and `le` last among the labels, then `_sum` and `_count`.
    ///
    /// `counts` contains one non-cumulative count per bound plus one for `+Inf`, so `_count` always equals the
    /// `+Inf` bucket even when values arrive while the counts are read.
    static func appendHistogram(
        name: String, labels: String, bounds: [Double], counts: [Int64], sum: Double, into buffer: inout [UInt8]
    ) {
        let prefix = labels.isEmpty ? "" : labels + ","
        var cumulative: Int64 = 0
        for (index, count) in counts.enumerated() {
            cumulative &+= count
            let bound = index < bounds.count ? format(bounds[index]) : "+Inf"
            appendSample(
                name: name + "_bucket", labels: prefix + "le=\"\(bound)\"", value: .integer(cumulative), into: &buffer)
        }
        appendSample(name: name + "_sum", labels: labels, value: .double(sum), into: &buffer)
        appendSample(name: name + "_count", labels: labels, value: .integer(cumulative), into: &buffer)
    }

    /// Returns whether `name` is a valid metric name: `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    public static func isValidMetricName(_ name: String) -> Bool {
        isValidName(name, allowingColon: true)
    }

    /// Returns whether `name` is a valid label name: `[a-zA-Z_][a-zA-Z0-9_]*`, and not reserved by a leading `__`.
    public static func isValidLabelName(_ name: String) -> Bool {
        isValidName(name, allowingColon: false) && !name.hasPrefix("__")
    }

    private static func isValidName(_ name: String, allowingColon: Bool) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            isNameCharacter(byte) || (allowingColon && byte == UInt8(ascii: ":"))
        }
    }

    static func isNameCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
