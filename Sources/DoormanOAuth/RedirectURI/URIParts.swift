/// The pieces of an absolute `scheme://authority/rest` URI as raw UTF-8 bytes, split without any
/// normalization so that exact comparison stays possible.
struct URIParts: Equatable {
    /// The scheme, without `://`.
    let scheme: ArraySlice<UInt8>
    /// Everything between `//` and the first `/`, `?` or `#`: userinfo, host and port.
    let authority: ArraySlice<UInt8>
    /// The host, with brackets for an IPv6 literal.
    let host: ArraySlice<UInt8>
    /// The digits after the port colon, or nil when the authority has no port colon.
    let port: ArraySlice<UInt8>?
    /// Path, query and fragment, from the first `/`, `?` or `#` after the authority.
    let remainder: ArraySlice<UInt8>

    /// Splits `uri`, or returns nil when it does not start with a scheme followed by `://`.
    init?(_ uri: String) {
        let bytes = Array(uri.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
            bytes[colon...].starts(with: Array("://".utf8))
        else {
            return nil
        }
        let schemeBytes = bytes[..<colon]
        guard isSchemeStart(schemeBytes.first!), schemeBytes.allSatisfy(isSchemeCharacter) else {
            return nil
        }

        let authorityStart = colon + 3
        let authorityEnd = bytes[authorityStart...].firstIndex(where: isAuthorityEnd) ?? bytes.endIndex
        scheme = schemeBytes
        authority = bytes[authorityStart..<authorityEnd]
        remainder = bytes[authorityEnd...]
        (host, port) = Self.splitHostAndPort(authority)
    }

    /// The path: the remainder up to the first `?` or `#`.
    var path: ArraySlice<UInt8> {
        let end = remainder.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? remainder.endIndex
        return remainder[..<end]
    }

    private static func splitHostAndPort(
        _ authority: ArraySlice<UInt8>
    ) -> (host: ArraySlice<UInt8>, port: ArraySlice<UInt8>?) {
        // An IPv6 literal contains colons, so its host ends at the closing bracket instead.
        var searchStart = authority.startIndex
        if authority.first == UInt8(ascii: "["), let close = authority.firstIndex(of: UInt8(ascii: "]")) {
            searchStart = close
        }
        guard let colon = authority[searchStart...].firstIndex(of: UInt8(ascii: ":")) else {
            return (authority, nil)
        }
        return (authority[..<colon], authority[(colon + 1)...])
    }
}

/// Returns `bytes` with ASCII `A-Z` lowercased and every other byte unchanged.
///
/// Unicode case mapping must not be used here: it maps, for example, the Kelvin sign U+212A to `k`,
/// which would let a look-alike host match a registered one.
func asciiLowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    bytes.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
}

private func isSchemeStart(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
}

private func isSchemeCharacter(_ byte: UInt8) -> Bool {
    isSchemeStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
}

private func isAuthorityEnd(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
}
