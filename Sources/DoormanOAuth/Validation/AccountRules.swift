/// The rule for usernames, shared by the sign-up page and `doorman user create`.
public enum Username {
    /// The shortest and longest username, in characters.
    public static let lengths = 3...32

    /// The accepted form, to complete a sentence such as "expected …".
    public static let expected = "3 to 32 characters of A-Z a-z 0-9 _ . -"

    /// Returns whether `value` has 3 to 32 characters, each an ASCII letter, digit, `_`, `.` or `-`.
    ///
    /// ASCII only, so that look-alike letters from other scripts cannot imitate another user.
    public static func isValid(_ value: String) -> Bool {
        let bytes = value.utf8
        return lengths.contains(bytes.count) && bytes.allSatisfy(isUsernameByte)
    }

    private static func isUsernameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}

/// The rule for display names, product titles, company names and web app names.
public enum DisplayName {
    /// The maximum length, in Unicode scalars.
    public static let maximumLength = 100

    /// The accepted form, to complete a sentence such as "expected …".
    public static let expected = "1 to \(maximumLength) characters without control characters"

    /// Returns whether `value` contains a character other than white space, no control character and at most
    /// `maximumLength` Unicode scalars.
    ///
    /// Control characters such as a newline are rejected because they would break one-line output and the
    /// pages that show the name.
    public static func isValid(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        let isBlank = scalars.allSatisfy { $0.properties.isWhitespace }
        let hasControl = scalars.contains { $0.properties.generalCategory == .control }
        return !isBlank && !hasControl && scalars.count <= maximumLength
    }
}

/// The rule for email addresses given at sign-up or with `doorman user create`.
public enum EmailAddress {
    /// The maximum length in UTF-8 bytes.
    public static let maximumLength = 254

    /// The accepted form, to complete a sentence such as "expected …".
    public static let expected = "an address such as ada@example.com, at most \(maximumLength) bytes"

    /// Returns whether `value` looks like an email address: one `@` between a non-empty local part and a
    /// domain with a dot inside it, no white space or control character, at most `maximumLength` bytes.
    ///
    /// Whether the address receives mail is not checked.
    public static func isValid(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let hasBadCharacter = value.unicodeScalars.contains {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
        }
        guard parts.count == 2, !parts[0].isEmpty, value.utf8.count <= maximumLength, !hasBadCharacter,
            let domain = parts.last
        else {
            return false
        }
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}
