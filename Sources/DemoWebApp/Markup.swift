/// A piece of HTML whose interpolated `String` values are escaped, so no value can become markup.
///
/// Literal text in the source is trusted markup; `"<p>\(user.name)</p>"` escapes the name. Another `Markup`
/// value is inserted unchanged, because it was escaped when it was built.
struct Markup: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The HTML text.
    let description: String

    init(stringLiteral literal: String) {
        description = literal
    }

    init(stringInterpolation: Interpolation) {
        description = stringInterpolation.text
    }

    /// Returns `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, which makes it safe
    /// as element content and inside a quoted attribute value. It does not make a URL safe to follow.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Builds the text of a `Markup` literal: literal pieces as they are, `String` values escaped.
    struct Interpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        mutating func appendInterpolation(_ value: String) {
            text += Markup.escape(value)
        }

        mutating func appendInterpolation(_ markup: Markup) {
            text += markup.description
        }
    }
}
