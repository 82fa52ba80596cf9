extension RedirectURI {
    /// Maximum length of a registered redirect URI in UTF-8 bytes.
    public static let maximumLength = 2000

    /// Checks that `uri` may be registered as a redirect URI and throws the first problem found.
    ///
    /// Accepted: an absolute `https` URI with a DNS name, IPv4 or bracketed IPv6 host, an optional port
    /// and an optional path and query. Plain `http` is accepted only with a loopback host, which is
    /// `localhost`, `127.0.0.0/8` or `[::1]` (RFC 9700 section 2.6). Everything that could make two
    /// parsers disagree on where the URI leads is rejected: non-ASCII, spaces and control characters,
    /// backslashes, userinfo, encoded dots and slashes, and dot segments. So are fragments (RFC 6749
    /// section 3.1.2) and commas, which signal several URIs pasted into one.
    public static func validateForRegistration(_ uri: String) throws(RedirectURIError) {
        try checkCharacters(uri)

        guard let parts = URIParts(uri) else {
            throw .notAbsolute
        }
        let scheme = String(decoding: asciiLowercased(parts.scheme), as: UTF8.self)
        guard scheme == "https" || scheme == "http" else {
            throw .unsupportedScheme(String(decoding: parts.scheme, as: UTF8.self))
        }
        try checkAuthority(parts)

        if scheme == "http" && !isLoopback(host: parts.host) {
            throw .insecureHTTP(host: String(decoding: parts.host, as: UTF8.self))
        }
        let segments = parts.path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if segments.contains(where: { $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) }) {
            throw .dotSegment
        }
    }

    private static func checkCharacters(_ uri: String) throws(RedirectURIError) {
        let length = uri.utf8.count
        guard length <= maximumLength else {
            throw .tooLong(length: length)
        }

        for (offset, scalar) in uri.unicodeScalars.enumerated() {
            guard (0x21...0x7E).contains(scalar.value) else {
                throw .invalidCharacter(scalar, offset: offset)
            }
            switch scalar {
            case "\\": throw .backslash
            case "#": throw .fragment
            case ",": throw .comma
            default: break
            }
        }

        let lowercased = uri.lowercased()  // ASCII only at this point, so this is plain ASCII case folding.
        if lowercased.contains("%2e") || lowercased.contains("%2f") || lowercased.contains("%5c") {
            throw .encodedDotOrSlash
        }
    }

    private static func checkAuthority(_ parts: URIParts) throws(RedirectURIError) {
        guard !parts.authority.contains(UInt8(ascii: "@")) else {
            throw .userinfo
        }
        guard !parts.host.isEmpty else {
            throw .emptyHost
        }
        guard isValidHost(parts.host) else {
            throw .invalidHost(String(decoding: parts.host, as: UTF8.self))
        }
        if let port = parts.port, !isValidPort(port) {
            throw .invalidPort(String(decoding: port, as: UTF8.self))
        }
    }

    /// Returns whether `host` is a bracketed IPv6 literal or dot-separated labels of `A-Z a-z 0-9 -`
    /// with no empty label. IPv4 addresses pass as labels of digits.
    private static func isValidHost(_ host: ArraySlice<UInt8>) -> Bool {
        if host.first == UInt8(ascii: "[") {
            let inner = host.dropFirst().dropLast()
            return host.last == UInt8(ascii: "]") && inner.contains(UInt8(ascii: ":"))
                && inner.allSatisfy { isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }
        }

        let labels = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isValidPort(_ port: ArraySlice<UInt8>) -> Bool {
        guard (1...5).contains(port.count), port.first != UInt8(ascii: "0"), port.allSatisfy(isDecimalDigit) else {
            return false
        }
        let value = port.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return value <= 65535
    }

    /// Returns whether `host` is `localhost` in any case, an IPv4 address in `127.0.0.0/8`, or `[::1]`.
    static func isLoopback(host: ArraySlice<UInt8>) -> Bool {
        let lowercased = asciiLowercased(host)
        if lowercased.elementsEqual("localhost".utf8) || lowercased.elementsEqual("[::1]".utf8) {
            return true
        }

        let octets = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard octets.count == 4, octets.first?.elementsEqual("127".utf8) == true else {
            return false
        }
        return octets.allSatisfy { octet in
            (1...3).contains(octet.count) && octet.allSatisfy(isDecimalDigit)
                && octet.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } <= 255
        }
    }
}

private func isDecimalDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

private func isHexDigit(_ byte: UInt8) -> Bool {
    isDecimalDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
}

private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    isDecimalDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
}
