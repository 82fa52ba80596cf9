import DoormanHTTP
import DoormanOAuth

extension FuzzTarget {
    /// `FormURLEncoding` of the OAuth layer, which decodes the parts of Basic client credentials and builds redirect
    /// queries.
    ///
    /// Checks that `decodePairs` splits at the same bytes as `URLEncodedForm.parse` and gives the same pairs, and
    /// that pairs encoded by `encode` decode back to themselves.
    static let formEncoding = FuzzTarget(name: "form-encoding") { bytes in
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return
        }

        let pairs = FormURLEncoding.decodePairs(text)
        // URLEncodedForm rejects an empty name, which decodePairs accepts, so only forms without one compare.
        if let form = try? URLEncodedForm.parse(bytes) {
            check(pairs != nil, "decodePairs rejects a form that URLEncodedForm accepts: \(excerpt(text))")
            check(samePairs(pairs ?? [], form), "decodePairs and URLEncodedForm split \(excerpt(text)) differently")
        }

        let fields = splitFields(bytes, count: 2).map { String(decoding: $0, as: UTF8.self) }
        let original = [(name: fields[0], value: fields[1])]
        let encoded = FormURLEncoding.encode(original)
        let decoded = FormURLEncoding.decodePairs(encoded) ?? []
        check(decoded.count == 1, "the encoded pair \(excerpt(encoded)) decodes to \(decoded.count) pairs")
        check(samePairs(decoded, original), "the encoded pair \(excerpt(encoded)) does not decode to itself")
    }

    private static func samePairs(_ pairs: [(name: String, value: String)], _ form: URLEncodedForm) -> Bool {
        samePairs(pairs, form.pairs.map { (name: $0.name, value: $0.value) })
    }

    private static func samePairs(
        _ pairs: [(name: String, value: String)], _ others: [(name: String, value: String)]
    ) -> Bool {
        pairs.count == others.count
            && zip(pairs, others).allSatisfy { left, right in
                left.name.utf8.elementsEqual(right.name.utf8) && left.value.utf8.elementsEqual(right.value.utf8)
            }
    }
}
