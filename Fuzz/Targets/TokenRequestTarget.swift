import DoormanHTTP
import DoormanOAuth

extension FuzzTarget {
    /// `TokenRequest.parse`, the parameter rules of the token endpoint, fed as the endpoint feeds it.
    ///
    /// The input is a form body, a query string and an optional `Authorization` header, separated by line feeds.
    /// An accepted request must follow the rules its documentation lists: no credentials in the query, no repeated
    /// parameter, one authentication method, and a client id and code taken from where the client sent them. An
    /// error description must be printable ASCII without `"` or `\` (RFC 6749 section 5.2), and its logged cause
    /// must stay under `maximumMessageBytes`.
    static let tokenRequest = FuzzTarget(name: "token-request") { bytes in
        let fields = splitFields(bytes, count: 3)
        guard let body = try? URLEncodedForm.parse(fields[0]), let query = try? URLEncodedForm.parse(fields[1]) else {
            return
        }
        var basic: (id: String, secret: String)?
        if !fields[2].isEmpty {
            guard case .basic(let id, let secret)? = try? AuthorizationCredentials.parse(fields[2], basicDecoding: .raw)
            else {
                return
            }
            basic = (id, secret)
        }

        let parameters = body.pairs.map { (name: $0.name, value: $0.value) }
        do throws(OAuthError) {
            let request = try TokenRequest.parse(
                parameters: parameters, basicCredentials: basic, queryParameterNames: query.pairs.map(\.name))
            checkAccepted(request, body: body, query: query, basic: basic)
        } catch {
            let isSafe = error.description.utf8.allSatisfy { (0x20...0x7E).contains($0) && $0 != 0x22 && $0 != 0x5C }
            check(isSafe, "the error description \(excerpt(error.description)) is not safe to send")
            check((error.debugCause ?? "").utf8.count < maximumMessageBytes, "the logged cause grows with the input")
        }
    }

    private static func checkAccepted(
        _ request: TokenRequest, body: URLEncodedForm, query: URLEncodedForm, basic: (id: String, secret: String)?
    ) {
        check(!query.contains("client_id") && !query.contains("client_secret"), "credentials in the query pass")
        for name in ["grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "scope", "client_id"] {
            check(nonEmptyValues(body, name).count <= 1, "the repeated parameter \(name) passes")
        }
        check(!request.clientID.isEmpty, "a request without a client id passes")

        if let basic {
            check(request.authenticationMethod == .clientSecretBasic, "Basic credentials give another method")
            check(request.clientID.utf8.elementsEqual(FormURLEncoding.decode(basic.id)?.utf8 ?? "".utf8), "client id")
            check(nonEmptyValues(body, "client_secret").isEmpty, "a secret in both Basic and the body passes")
        } else {
            check(isSame(request.clientID, nonEmptyValues(body, "client_id").first), "the client id is not the body's")
            check(isSame(request.clientSecret, nonEmptyValues(body, "client_secret").first), "the secret differs")
        }

        switch request.grant {
        case .authorizationCode(let grant):
            let grantTypes = nonEmptyValues(body, "grant_type")
            check(grantTypes.isEmpty || grantTypes == ["authorization_code"], "the grant type is wrong")
            check(isSame(grant.code, nonEmptyValues(body, "code").first), "the code is not the body's")
        case .refreshToken(let grant):
            check(nonEmptyValues(body, "grant_type") == ["refresh_token"], "the grant type is wrong")
            check(isSame(grant.refreshToken, nonEmptyValues(body, "refresh_token").first), "the token differs")
        }
    }

    /// Returns the non-empty values of `name`, because the token endpoint treats an empty value as absent.
    private static func nonEmptyValues(_ form: URLEncodedForm, _ name: String) -> [String] {
        form.values(name).filter { !$0.isEmpty }
    }

    private static func isSame(_ value: String?, _ expected: String?) -> Bool {
        switch (value, expected) {
        case (nil, nil): true
        case (let value?, let expected?): value.utf8.elementsEqual(expected.utf8)
        default: false
        }
    }
}
