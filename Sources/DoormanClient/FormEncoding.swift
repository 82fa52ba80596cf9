import Foundation

/// Query strings and path segments, percent-encoded so that every server decodes them the same way.
///
/// Every byte outside the unreserved set `A-Z a-z 0-9 - . _ ~` is percent-encoded, `+`, `&`, `=`, `[` and `]`
/// included, because servers differ in how they read those when left bare.
enum FormEncoding {
    private static let unreserved: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return set
    }()

    /// Returns `text` with every byte outside the unreserved set percent-encoded as UTF-8.
    static func percentEncode(_ text: String) -> String {
        // `addingPercentEncoding` returns nil only for text that is not valid Unicode, which a String never is.
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// Returns `name=value` pairs joined by `&`, each name and value percent-encoded, in the order given.
    static func query(_ parameters: [(String, String)]) -> String {
        parameters.map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }.joined(separator: "&")
    }

    /// Returns `url` with `parameters` added after any query it already has and before its fragment.
    static func appendingQuery(_ parameters: [(String, String)], to url: URL) -> URL {
        guard !parameters.isEmpty else {
            return url
        }

        var text = url.absoluteString
        var fragment = ""
        if let hashIndex = text.firstIndex(of: "#") {
            fragment = String(text[hashIndex...])
            text = String(text[..<hashIndex])
        }

        var separator = "?"
        if text.hasSuffix("?") || text.hasSuffix("&") {
            separator = ""
        } else if text.contains("?") {
            separator = "&"
        }

        // Appending percent-encoded pairs to a valid URL's query keeps it valid.
        return URL(string: text + separator + query(parameters) + fragment)!
    }
}
