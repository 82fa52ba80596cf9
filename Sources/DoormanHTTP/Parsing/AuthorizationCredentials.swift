/// Credentials of an `Authorization` request header with the Basic (RFC 7617) or Bearer (RFC 6750) scheme.
///
/// The scheme name matches without regard to case (RFC 9110 section 11.1). The `description` hides the password
/// and the token, so the value can be logged.
public enum AuthorizationCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// User name and password, which OAuth 2.0 uses for the client id and client secret.
    case basic(username: String, password: String)

    /// Bearer token in `token68` syntax.
    case bearer(String)

    /// Decoding applied to the two parts of Basic credentials after the base64 decoding and the split at the first
    /// colon.
    public enum BasicDecoding: Sendable {
        /// Decodes each part as `application/x-www-form-urlencoded`, as OAuth 2.0 requires for client credentials
        /// (RFC 6749 section 2.3.1). `+` becomes a space, `%2B` a plus sign and `%3A` a colon.
        case formURLEncoded

        /// Keeps each part as it is (RFC 7617), for Basic credentials outside OAuth 2.0.
        case raw
    }

    /// Maximum length of the header value in bytes. Longer values are rejected before any decoding.
    public static let maximumLength = 8192

    /// Parses an `Authorization` header value.
    ///
    /// Basic credentials must be canonical base64 with padding, must contain a colon once decoded, and must decode
    /// to UTF-8 without control characters. The user name and the password may be empty. A Bearer token must be
    /// one `token68` (`[A-Za-z0-9-._~+/]+=*`) with nothing after it.
    ///
    /// - Throws: `HTTPParseError.authorizationTooLong`, `.unsupportedAuthorizationScheme` or
    ///   `.malformedAuthorization`, whose reason never contains the credentials.
    public static func parse(
        _ value: some StringProtocol,
        basicDecoding: BasicDecoding = .formURLEncoded
    ) throws(HTTPParseError) -> AuthorizationCredentials {
        try parse(value.utf8, basicDecoding: basicDecoding)
    }

    /// Parses an `Authorization` header value given as bytes.
    public static func parse(
        _ bytes: some Collection<UInt8>,
        basicDecoding: BasicDecoding = .formURLEncoded
    ) throws(HTTPParseError) -> AuthorizationCredentials {
        guard bytes.count <= maximumLength else {
            throw .authorizationTooLong(limit: maximumLength)
        }

        let array = Array(bytes)
        let header = ASCII.trimmingWhitespace(array.indices, in: array)
        guard !header.isEmpty else {
            throw .malformedAuthorization(reason: "the header value is empty; send a scheme and credentials")
        }

        let schemeEnd = array[header].firstIndex(where: ASCII.isWhitespace) ?? header.upperBound
        let scheme = array[header.lowerBound..<schemeEnd]
        guard scheme.allSatisfy(ASCII.isTokenCharacter) else {
            throw .malformedAuthorization(reason: "the scheme name is not a valid token")
        }

        var credentialsStart = schemeEnd
        while credentialsStart < header.upperBound, ASCII.isWhitespace(array[credentialsStart]) {
            credentialsStart += 1
        }
        let credentials = array[credentialsStart..<header.upperBound]

        if ASCII.equalsIgnoringCase(scheme, "basic") {
            return try parseBasic(credentials, decoding: basicDecoding)
        }
        if ASCII.equalsIgnoringCase(scheme, "bearer") {
            return try parseBearer(credentials)
        }
        throw .unsupportedAuthorizationScheme(String(decoding: scheme, as: UTF8.self))
    }

    private static func parseBearer(
        _ credentials: ArraySlice<UInt8>
    ) throws(HTTPParseError) -> AuthorizationCredentials {
        guard !credentials.isEmpty else {
            throw .malformedAuthorization(reason: "the Bearer token is missing")
        }
        guard !credentials.contains(where: ASCII.isWhitespace) else {
            throw .malformedAuthorization(reason: "Bearer credentials must be a single token")
        }
        guard isToken68(credentials) else {
            throw .malformedAuthorization(
                reason: "the Bearer token contains a character outside A-Z a-z 0-9 - . _ ~ + / and trailing ="
            )
        }
        return .bearer(String(decoding: credentials, as: UTF8.self))
    }

    /// Returns whether the bytes match `token68` (RFC 9110 section 11.2), the `b64token` of RFC 6750 section 2.1.
    static func isToken68(_ bytes: ArraySlice<UInt8>) -> Bool {
        let body = bytes.reversed().drop(while: { $0 == ASCII.equals })
        guard !body.isEmpty else {
            return false
        }
        return body.allSatisfy { byte in
            switch byte {
            case 0x2D, 0x2E, 0x5F, 0x7E, ASCII.plus, ASCII.slash: true
            default: ASCII.isAlphanumeric(byte)
            }
        }
    }

    private static func parseBasic(
        _ credentials: ArraySlice<UInt8>,
        decoding: BasicDecoding
    ) throws(HTTPParseError) -> AuthorizationCredentials {
        guard !credentials.isEmpty else {
            throw .malformedAuthorization(reason: "the Basic credentials are missing")
        }
        guard !credentials.contains(where: ASCII.isWhitespace) else {
            throw .malformedAuthorization(reason: "Basic credentials must be a single base64 string")
        }
        guard let decoded = Base64.decode(credentials) else {
            throw .malformedAuthorization(reason: "the Basic credentials are not valid base64 with padding")
        }
        guard let colon = decoded.firstIndex(of: ASCII.colon) else {
            throw .malformedAuthorization(
                reason: "the decoded Basic credentials have no ':' between the user name and the password"
            )
        }

        let username = try decodeBasicPart(decoded, in: 0..<colon, named: "user name", decoding: decoding)
        let passwordRange = colon + 1..<decoded.count
        let password = try decodeBasicPart(decoded, in: passwordRange, named: "password", decoding: decoding)
        return .basic(username: username, password: password)
    }

    /// Decodes the user name or the password. Messages name the part but never include its bytes.
    private static func decodeBasicPart(
        _ bytes: [UInt8],
        in range: Range<Int>,
        named part: String,
        decoding: BasicDecoding
    ) throws(HTTPParseError) -> String {
        let text: String
        switch decoding {
        case .formURLEncoded:
            do throws(HTTPParseError) {
                text = try PercentDecoding.decode(bytes, in: range, plusAsSpace: true)
            } catch {
                throw .malformedAuthorization(
                    reason: "the Basic \(part) is not valid form-urlencoded UTF-8; percent-encode it as UTF-8"
                )
            }
        case .raw:
            guard UTF8Validator.firstInvalidOffset(in: bytes, range: range) == nil else {
                throw .malformedAuthorization(reason: "the Basic \(part) is not valid UTF-8")
            }
            text = String(decoding: bytes[range], as: UTF8.self)
        }

        guard !text.utf8.contains(where: ASCII.isControl) else {
            throw .malformedAuthorization(reason: "the Basic \(part) contains a control character")
        }
        return text
    }

    /// Scheme and user name, with the password or token hidden.
    public var description: String {
        switch self {
        case .basic(let username, _): "Basic(username: \(HTTPParseError.excerpt(username)), password: <hidden>)"
        case .bearer: "Bearer(<hidden>)"
        }
    }

    /// Same as `description`, so that debug output hides secrets too.
    public var debugDescription: String {
        description
    }
}
