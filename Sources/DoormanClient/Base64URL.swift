import Foundation

/// Base64url without padding (RFC 4648 section 5), the encoding of PKCE values and `state`.
enum Base64URL {
    /// Returns `bytes` in the URL- and filename-safe alphabet, with no `=` padding.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-")
        text = text.replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") {
            text.removeLast()
        }
        return text
    }
}
