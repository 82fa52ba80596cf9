import Foundation
import Testing

@testable import DoormanClient

struct ConfigurationTests {
    @Test func defaultsPointAtWhop() {
        let configuration = OAuthConfiguration(clientID: "app_x", clientSecret: "s", redirectURI: "https://a/cb")

        #expect(configuration.authorizeURL.absoluteString == "https://whop.com/oauth")
        #expect(configuration.apiBaseURL.absoluteString == "https://api.whop.com")
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/oauth"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/oauth"),
        ("https://example.com/doorman", "https://example.com/doorman/oauth"),
        ("https://example.com/doorman/", "https://example.com/doorman/oauth"),
    ])
    func doormanEndpointsDeriveFromBase(base: String, expectedAuthorize: String) throws {
        let baseURL = try #require(URL(string: base))

        let endpoints = OAuthConfiguration.Endpoints.doorman(baseURL: baseURL)

        #expect(endpoints.authorizeURL.absoluteString == expectedAuthorize)
        #expect(endpoints.apiBaseURL == baseURL)
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/v5/me"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/v5/me"),
        ("https://example.com/doorman", "https://example.com/doorman/v5/me"),
    ])
    func apiPathsJoinWithOneSlash(base: String, expected: String) throws {
        let url = try #require(URL(string: base)).appendingEncodedPath("v5/me")

        #expect(url.absoluteString == expected)
    }

    @Test func defaultTimeoutIs30Seconds() {
        let configuration = OAuthConfiguration(clientID: "app_x", clientSecret: nil, redirectURI: "https://a/cb")

        #expect(configuration.requestTimeout == .seconds(30))
        #expect(configuration.requestTimeoutInterval == 30)
    }

    @Test func fractionalTimeoutConvertsToSeconds() {
        let configuration = OAuthConfiguration(
            clientID: "app_x", clientSecret: nil, redirectURI: "https://a/cb", requestTimeout: .milliseconds(1500))

        #expect(configuration.requestTimeoutInterval == 1.5)
    }
}
