import DoormanHTTP
import DoormanOAuth

extension FuzzTarget {
    /// `PercentDecoding.decode`, used for every query and form name and value.
    ///
    /// Checks that it agrees with the independent decoder `FormURLEncoding.decode` of the OAuth layer, that text
    /// without `%` and `+` decodes exactly when it is valid UTF-8, and that encoding then decoding any decoded
    /// text gives it back.
    static let percentDecoding = FuzzTarget(name: "percent-decoding") { bytes in
        let decoded = try? PercentDecoding.decode(bytes, plusAsSpace: true)
        if let text = String(validating: bytes, as: UTF8.self) {
            let reference = FormURLEncoding.decode(text)
            check(
                decoded?.utf8.elementsEqual(reference?.utf8 ?? "".utf8) ?? (reference == nil),
                "PercentDecoding and FormURLEncoding disagree on \(excerpt(text))")
        }

        let hasNoEscapes = !bytes.contains(UInt8(ascii: "%")) && !bytes.contains(UInt8(ascii: "+"))
        if hasNoEscapes {
            let isValid = String(validating: bytes, as: UTF8.self) != nil
            check((decoded != nil) == isValid, "text without escapes decodes although it is not valid UTF-8")
        }

        if let path = try? PercentDecoding.decode(bytes, plusAsSpace: false) {
            let encoded = FormURLEncoding.encode(path)
            let again = try? PercentDecoding.decode(encoded, plusAsSpace: false)
            check(again?.utf8.elementsEqual(path.utf8) == true, "encoding then decoding changes \(excerpt(path))")
        }
    }
}
