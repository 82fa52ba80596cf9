import Foundation

/// An authorization URL to send the browser to, with the secrets the callback needs to finish sign-in.
///
/// Keep `state` and `codeVerifier` on the server side of the web app, for example in the user's session,
/// until the browser comes back to the callback. It is `Codable` so it can be stored whole.
public struct AuthorizationRequest: Sendable, Hashable, Codable {
    /// The authorize page with every query parameter; redirect the browser here.
    public let url: URL
    /// The `state` sent in `url`. The callback must reject a `state` that differs from it (RFC 6749
    /// section 10.12), because that is how a forged callback shows.
    public let state: String
    /// The PKCE verifier whose challenge is in `url`; pass it to `OAuthClient.exchange(code:codeVerifier:)`.
    public let codeVerifier: String
    /// The `S256` challenge of `codeVerifier`, as sent in `url`.
    public let codeChallenge: String
    /// The `scope` sent in `url`, or nil when none was, which the provider reads as `api`.
    public let scope: String?

    /// Creates a request from its parts. `OAuthClient.makeAuthorizationRequest(scope:state:)` is the usual source.
    public init(url: URL, state: String, codeVerifier: String, codeChallenge: String, scope: String?) {
        self.url = url
        self.state = state
        self.codeVerifier = codeVerifier
        self.codeChallenge = codeChallenge
        self.scope = scope
    }

    /// Returns whether `receivedState`, the `state` of the callback URL, equals `state`, compared in
    /// constant time so the comparison leaks nothing about `state` through timing.
    public func matchesState(_ receivedState: String?) -> Bool {
        guard let receivedState else {
            return false
        }

        let expected = Array(state.utf8)
        let received = Array(receivedState.utf8)
        guard expected.count == received.count else {
            return false
        }

        var difference: UInt8 = 0
        for (left, right) in zip(expected, received) {
            difference |= left ^ right
        }
        return difference == 0
    }
}

/// Composes authorization URLs (RFC 6749 section 4.1.1 with RFC 7636 section 4.3).
enum AuthorizationURLBuilder {
    /// Random bytes behind a new `state`: 32, which is 256 bits and 43 base64url characters.
    static let stateByteCount = 32

    /// Makes a request for `configuration`, drawing `state` (unless given) and the PKCE verifier from
    /// `generator`.
    static func make(
        configuration: OAuthConfiguration, scope: String?, state: String?,
        using generator: inout some RandomNumberGenerator
    ) -> AuthorizationRequest {
        let state = state ?? Base64URL.encode(RandomBytes.make(count: stateByteCount, using: &generator))
        let verifier = PKCE.makeVerifier(using: &generator)
        let challenge = PKCE.challenge(for: verifier)

        var parameters: [(String, String)] = [
            ("response_type", "code"),
            ("client_id", configuration.clientID),
            ("redirect_uri", configuration.redirectURI),
        ]
        if let scope {
            parameters.append(("scope", scope))
        }
        parameters += [("state", state), ("code_challenge", challenge), ("code_challenge_method", PKCE.method)]

        let url = FormEncoding.appendingQuery(parameters, to: configuration.authorizeURL)
        return AuthorizationRequest(
            url: url, state: state, codeVerifier: verifier, codeChallenge: challenge, scope: scope)
    }
}
