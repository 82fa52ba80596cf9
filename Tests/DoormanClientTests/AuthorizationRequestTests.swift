import Foundation
import Testing

@testable import DoormanClient

struct AuthorizationRequestTests {
    private let configuration = OAuthConfiguration(
        clientID: "app_client", clientSecret: "secret", redirectURI: "https://app.example/callback?from=hub",
        endpoints: .doorman(baseURL: URL(string: "http://127.0.0.1:8080")!))

    @Test func urlHasEveryParameterInOrder() throws {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest(scope: "openid user")

        let names = try queryItems(request.url).map(\.name)

        #expect(
            names == [
                "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
                "code_challenge_method",
            ])
    }

    @Test func urlCarriesTheConfiguredValues() throws {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest(scope: "openid user")

        let items = try queryItems(request.url)

        #expect(value("response_type", in: items) == "code")
        #expect(value("client_id", in: items) == "app_client")
        #expect(value("redirect_uri", in: items) == "https://app.example/callback?from=hub")
        #expect(value("scope", in: items) == "openid user")
        #expect(value("code_challenge_method", in: items) == "S256")
    }

    @Test func urlCarriesStateAndChallengeOfTheVerifier() throws {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest()

        let items = try queryItems(request.url)

        #expect(value("state", in: items) == request.state)
        #expect(value("code_challenge", in: items) == request.codeChallenge)
        #expect(request.codeChallenge == PKCE.challenge(for: request.codeVerifier))
        #expect(PKCE.isValidVerifier(request.codeVerifier))
    }

    @Test func urlStartsWithTheAuthorizePage() {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest()

        #expect(request.url.absoluteString.hasPrefix("http://127.0.0.1:8080/oauth?response_type=code&"))
    }

    @Test func reservedCharactersArePercentEncoded() {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest(
            scope: "a+b", state: "x&y=z")

        let text = request.url.absoluteString

        #expect(text.contains("redirect_uri=https%3A%2F%2Fapp.example%2Fcallback%3Ffrom%3Dhub"))
        #expect(text.contains("scope=a%2Bb"))
        #expect(text.contains("state=x%26y%3Dz"))
    }

    @Test func missingScopeIsLeftOut() throws {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest()

        #expect(try queryItems(request.url).allSatisfy { $0.name != "scope" })
        #expect(request.scope == nil)
    }

    @Test func givenStateIsUsed() {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest(state: "chosen")

        #expect(request.state == "chosen")
    }

    /// A generated state carries 256 random bits, above the 128 that RFC 6749 section 10.10 requires of values
    /// that must not be guessed.
    @Test func generatedStateIs43Base64URLCharacters() {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest()

        #expect(request.state.count == 43)
        #expect(request.state.utf8.allSatisfy(PKCE.isUnreserved))
    }

    @Test func generatedValuesDifferPerRequest() {
        let client = OAuthClient(configuration: configuration)

        let first = client.makeAuthorizationRequest()
        let second = client.makeAuthorizationRequest()

        #expect(first.state != second.state)
        #expect(first.codeVerifier != second.codeVerifier)
    }

    @Test func stateAndVerifierComeFromGivenGenerator() {
        var generator = CountingGenerator()

        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest(using: &generator)

        #expect(request.state == "AQAAAAAAAAACAAAAAAAAAAMAAAAAAAAABAAAAAAAAAA")
        #expect(request.codeVerifier == "BQAAAAAAAAAGAAAAAAAAAAcAAAAAAAAACAAAAAAAAAA")
    }

    @Test func authorizeURLWithQueryKeepsIt() {
        var configuration = configuration
        configuration.endpoints.authorizeURL = URL(string: "https://id.example/authorize?tenant=7#top")!

        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest(state: "s")

        #expect(request.url.absoluteString.hasPrefix("https://id.example/authorize?tenant=7&response_type=code&"))
        #expect(request.url.absoluteString.hasSuffix("&code_challenge_method=S256#top"))
    }

    @Test(arguments: [
        ("abc", true),
        ("abd", false),
        ("ab", false),
        ("abcd", false),
        ("", false),
    ])
    func stateComparison(received: String, matches: Bool) {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest(state: "abc")

        #expect(request.matchesState(received) == matches)
    }

    @Test func missingStateDoesNotMatch() {
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest(state: "abc")

        #expect(!request.matchesState(nil))
    }

    private func queryItems(_ url: URL) throws -> [URLQueryItem] {
        let components = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
        return try #require(components.queryItems)
    }

    private func value(_ name: String, in items: [URLQueryItem]) -> String? {
        items.first { $0.name == name }?.value
    }
}
