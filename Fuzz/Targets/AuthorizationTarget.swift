import DoormanHTTP
import DoormanOAuth

extension FuzzTarget {
    /// `AuthorizationCredentials.parse`, the parser of `Authorization` headers, with both Basic decodings.
    ///
    /// The input is read twice. As a header, a parse must hide the secret in `description`, and Basic credentials
    /// encoded again must parse back to themselves. As a client id and a secret separated by a line feed, the input
    /// becomes a Basic header built as RFC 6749 section 2.3.1 requires: form-encoded parts, then base64. The
    /// parser's form decoding, and `TokenRequest.parse` after a raw parse as the token endpoint does it, must both
    /// give the id and the secret back, unless the header is longer than `AuthorizationCredentials.maximumLength`,
    /// which the parser must reject as too long.
    static let authorization = FuzzTarget(name: "authorization") { bytes in
        for decoding in [AuthorizationCredentials.BasicDecoding.formURLEncoded, .raw] {
            if let credentials = try? AuthorizationCredentials.parse(bytes, basicDecoding: decoding) {
                checkParsedCredentials(credentials, decoding: decoding)
            }
        }
        checkBuiltCredentials(bytes)
    }

    private static func checkParsedCredentials(
        _ credentials: AuthorizationCredentials, decoding: AuthorizationCredentials.BasicDecoding
    ) {
        switch credentials {
        case .bearer:
            check(credentials.description == "Bearer(<hidden>)", "the Bearer description shows the token")
        case .basic(let username, let password):
            check(credentials.description.hasSuffix("password: <hidden>)"), "the Basic description shows more")
            guard case .raw = decoding else {
                return
            }
            let header = "Basic " + base64Encoded(Array((username + ":" + password).utf8))
            let reparsed = try? AuthorizationCredentials.parse(header, basicDecoding: .raw)
            check(isSame(reparsed, username, password), "re-encoded Basic credentials parse to other credentials")
        }
    }

    /// Builds a Basic header from the id and the secret in `bytes` and checks that both decoders give them back.
    private static func checkBuiltCredentials(_ bytes: [UInt8]) {
        let fields = splitFields(bytes, count: 2)
        guard let id = String(validating: fields[0], as: UTF8.self),
            let secret = String(validating: fields[1], as: UTF8.self),
            !(id + secret).utf8.contains(where: { $0 < 0x20 || $0 == 0x7F })
        else {
            return
        }

        let encodedID = FormURLEncoding.encode(id)
        let encodedSecret = FormURLEncoding.encode(secret)
        let header = "Basic " + base64Encoded(Array((encodedID + ":" + encodedSecret).utf8))
        // Form encoding triples a non-ASCII byte and base64 adds a third, so a short input can build a header over
        // the parser's limit, which must reject it.
        guard header.utf8.count <= AuthorizationCredentials.maximumLength else {
            checkRejectedAsTooLong(header)
            return
        }
        let decoded = try? AuthorizationCredentials.parse(header, basicDecoding: .formURLEncoded)
        check(isSame(decoded, id, secret), "a built Basic header does not decode to its parts")

        guard case .basic(let rawID, let rawSecret)? = try? AuthorizationCredentials.parse(header, basicDecoding: .raw)
        else {
            check(false, "a built Basic header is rejected by the raw decoding")
            return
        }
        checkTokenRequest(basic: (rawID, rawSecret), id: id, secret: secret)
    }

    private static func checkRejectedAsTooLong(_ header: String) {
        do {
            _ = try AuthorizationCredentials.parse(header, basicDecoding: .formURLEncoded)
            check(false, "a Basic header over the length limit is accepted")
        } catch {
            check(
                error == .authorizationTooLong(limit: AuthorizationCredentials.maximumLength),
                "a Basic header over the length limit is not rejected as too long")
        }
    }

    private static func checkTokenRequest(basic: (id: String, secret: String), id: String, secret: String) {
        let request = try? TokenRequest.parse(
            parameters: [(name: "code", value: "code")], basicCredentials: basic, queryParameterNames: [])
        guard !id.isEmpty else {
            check(request == nil, "a token request with an empty Basic client id is accepted")
            return
        }
        check(request?.clientID.utf8.elementsEqual(id.utf8) == true, "TokenRequest changes the Basic client id")
        let expectedSecret = secret.isEmpty ? nil : secret
        check(
            request?.clientSecret?.utf8.elementsEqual(expectedSecret?.utf8 ?? "".utf8) ?? (expectedSecret == nil),
            "TokenRequest changes the Basic client secret")
    }

    /// Returns whether `credentials` are Basic with exactly these bytes. The synthesized `==` would compare the
    /// strings under Unicode canonical equivalence.
    private static func isSame(
        _ credentials: AuthorizationCredentials?, _ username: String, _ password: String
    ) -> Bool {
        guard case .basic(let parsedUsername, let parsedPassword)? = credentials else {
            return false
        }
        return parsedUsername.utf8.elementsEqual(username.utf8) && parsedPassword.utf8.elementsEqual(password.utf8)
    }
}

/// Returns the standard base64 encoding of `bytes` with padding (RFC 4648 section 4), written independently of the
/// decoder under test.
func base64Encoded(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var output: [UInt8] = []
    for start in stride(from: 0, to: bytes.count, by: 3) {
        let chunk = bytes[start..<min(start + 3, bytes.count)]
        var group: UInt32 = 0
        for (position, byte) in chunk.enumerated() {
            group |= UInt32(byte) << UInt32(16 - 8 * position)
        }
        for position in 0..<4 {
            let sextet = Int(group >> UInt32(18 - 6 * position) & 0x3F)
            output.append(position <= chunk.count ? alphabet[sextet] : UInt8(ascii: "="))
        }
    }
    return String(decoding: output, as: UTF8.self)
}
