import DoormanHTTP

extension FuzzTarget {
    /// `Cookies.parse`, the parser of `Cookie` request headers, which never throws.
    ///
    /// Checks that the kept names are unique HTTP tokens, that values are `cookie-octet`s, and that the pairs joined
    /// with `; ` parse back to themselves.
    static let cookies = FuzzTarget(name: "cookies") { bytes in
        let cookies = Cookies.parse(bytes)
        var names = Set<[UInt8]>()
        for pair in cookies.pairs {
            check(names.insert(Array(pair.name.utf8)).inserted, "the cookie name \(excerpt(pair.name)) repeats")
            check(!pair.name.isEmpty && pair.name.utf8.allSatisfy(isTokenCharacter), "a name is not a token")
            check(pair.value.utf8.allSatisfy(isCookieOctet), "the value of \(excerpt(pair.name)) has a bad byte")
        }

        let header = cookies.pairs.map { $0.name + "=" + $0.value }.joined(separator: "; ")
        check(Cookies.parse(header) == cookies, "the header \(excerpt(header)) parses to other cookies")
        if let first = cookies.pairs.first {
            check(cookies.value(first.name) == first.value, "value(_:) does not return the first cookie")
        }
    }
}

/// Returns whether `byte` is a `tchar` of RFC 9110 section 5.6.2, written out here independently of the parser.
func isTokenCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "a")...UInt8(ascii: "z"):
        true
    default:
        "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
}

/// Returns whether `byte` is a `cookie-octet` of RFC 6265 section 4.1.1.
func isCookieOctet(_ byte: UInt8) -> Bool {
    (0x21...0x7E).contains(byte) && !"\",;\\".utf8.contains(byte)
}
