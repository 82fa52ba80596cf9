/// A fragment of HTML in which every interpolated `String` is escaped and only `HTML` values pass unchanged.
///
/// Literal text written in the source is trusted markup. Values from requests, the store or settings are
/// interpolated as `String` and come out escaped, so a web app named `<script>` renders as text:
///
///     let page: HTML = "<h1>\(webApp.name)</h1>\(footer)"
///
/// There is no initializer that takes an unescaped `String`, so request data cannot become markup by mistake.
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup.
    public let description: String

    /// Creates a fragment from trusted markup written in the source.
    public init(stringLiteral markup: String) {
        description = markup
    }

    /// Creates a fragment from a literal with interpolated values, escaping every `String` among them.
    public init(stringInterpolation: Interpolation) {
        description = stringInterpolation.markup
    }

    /// Creates a fragment that shows `text` as text.
    public init(escaping text: String) {
        description = Self.escape(text)
    }

    /// Creates a fragment from fragments written one after another.
    public init(joining fragments: [HTML]) {
        description = fragments.map(\.description).joined()
    }

    /// An empty fragment.
    public static let empty: HTML = ""

    /// The markup as UTF-8 bytes, ready for a response body.
    public var bytes: [UInt8] {
        Array(description.utf8)
    }

    /// Returns `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    ///
    /// The result is safe as element content and inside a quoted attribute value with either quote character.
    /// It is not safe inside `<script>` or `<style>` elements, in unquoted attributes, or as a URL that a
    /// browser follows: check URLs separately before putting them into `href` or `action`.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

extension HTML {
    /// Builds the markup of an `HTML` literal: literal pieces unchanged, `String` values escaped.
    ///
    /// Only the types below can be interpolated. An optional, a `Substring` or any other type does not
    /// compile, which forces the template to decide how a missing value looks.
    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        /// Creates an empty builder.
        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// Appends trusted markup from the source.
        public mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Appends `text` escaped.
        public mutating func appendInterpolation(_ text: String) {
            markup += HTML.escape(text)
        }

        /// Appends a fragment unchanged, because it was escaped when it was built.
        public mutating func appendInterpolation(_ fragment: HTML) {
            markup += fragment.description
        }

        /// Appends fragments one after another.
        public mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments {
                markup += fragment.description
            }
        }

        /// Appends a number in decimal.
        public mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }
    }
}
