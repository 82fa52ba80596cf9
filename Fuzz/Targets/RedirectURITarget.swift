import DoormanOAuth

extension FuzzTarget {
    /// `RedirectURI.validateForRegistration` and `RedirectURI.matches`.
    ///
    /// The input is a registered URI and a requested URI separated by a line feed. A URI that registration accepts
    /// must match itself and resolve to itself. A requested URI, validated or not, may match a registered one only
    /// when both are equal after lowercasing the scheme and the authority, and only without a fragment or userinfo.
    /// A query added by `appendingQuery` must come back through `FormURLEncoding.decodePairs`, and the logged cause
    /// of a failed `resolve` must stay under `maximumMessageBytes`.
    static let redirectURI = FuzzTarget(name: "redirect-uri") { bytes in
        let fields = splitFields(bytes, count: 2).map { String(decoding: $0, as: UTF8.self) }
        let (registered, requested) = (fields[0], fields[1])
        guard (try? RedirectURI.validateForRegistration(registered)) != nil else {
            return
        }

        check(RedirectURI.matches(registered: registered, requested: registered), "a registered URI fails to match")
        let resolved = try? RedirectURI.resolve(requested: registered, registered: [registered]).get()
        check(resolved?.utf8.elementsEqual(registered.utf8) == true, "a registered URI does not resolve to itself")

        let matches = RedirectURI.matches(registered: registered, requested: requested)
        let equivalent = normalized(registered) == normalized(requested)
        let hasFragmentOrUserinfo = requested.contains("#") || authority(of: requested).contains(UInt8(ascii: "@"))
        check(
            matches == (equivalent && !hasFragmentOrUserinfo),
            "matches(\(excerpt(registered)), \(excerpt(requested))) is \(matches)")

        if case .failure(let error) = RedirectURI.resolve(requested: requested, registered: [registered]) {
            check(!matches, "resolve rejects a requested URI that matches")
            check((error.debugCause ?? "").utf8.count < maximumMessageBytes, "the logged cause grows with the input")
        }
        checkAppendedQuery(to: registered, value: requested)
    }

    private static func checkAppendedQuery(to uri: String, value: String) {
        let location = RedirectURI.appendingQuery(to: uri, parameters: [("code", "c"), ("state", value)])
        let added = location.utf8.dropFirst(uri.utf8.count)
        let query = String(decoding: added.drop { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "&") }, as: UTF8.self)
        let pairs = FormURLEncoding.decodePairs(query) ?? []
        check(
            pairs.count == 2 && pairs[1].value.utf8.elementsEqual(value.utf8),
            "appendingQuery loses the state in \(excerpt(location))")
    }

    /// Returns the URI's bytes with the scheme and authority lowercased in ASCII, the form in which exact matching
    /// compares them (RFC 3986 section 6.2.2.1).
    private static func normalized(_ uri: String) -> [UInt8] {
        let bytes = Array(uri.utf8)
        let authorityEnd = authorityRange(of: bytes).upperBound
        let lowered = bytes[..<authorityEnd].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        return lowered + bytes[authorityEnd...]
    }

    private static func authority(of uri: String) -> ArraySlice<UInt8> {
        let bytes = Array(uri.utf8)
        return bytes[authorityRange(of: bytes)]
    }

    /// Returns the range after the first `://` up to the next `/`, `?` or `#`, or an empty range at the start when
    /// the URI has no `://`.
    private static func authorityRange(of bytes: [UInt8]) -> Range<Int> {
        let separator = Array("://".utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            return 0..<0
        }
        let authorityStart = start + separator.count
        let end = bytes[authorityStart...].firstIndex { "/?#".utf8.contains($0) } ?? bytes.count
        return authorityStart..<end
    }
}
