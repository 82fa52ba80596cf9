import DoormanClient
import Foundation
import Testing

/// The README's "Swift client SDK" example, with the live server's values in place of its placeholders, so
/// the example is known to compile and to work.
private struct ReadmeExample {
    let client: OAuthClient
    let productID: String

    init(baseURL: URL, clientSecret: String?, productID: String) {
        client = OAuthClient(
            configuration: OAuthConfiguration(
                clientID: LiveDoorman.clientID,
                clientSecret: clientSecret,
                redirectURI: LiveDoorman.redirectURI,
                endpoints: .doorman(baseURL: baseURL)
            )
        )
        self.productID = productID
    }

    // The lines below match the README.

    /// Starts sign-in: keep the request in the user's session, then redirect the browser to `request.url`.
    func startSignIn() -> AuthorizationRequest {
        client.makeAuthorizationRequest()
    }

    /// Handles the callback `?code=…&state=…` with the request that `startSignIn` returned.
    func finishSignIn(code: String, state: String?, started: AuthorizationRequest) async throws -> User? {
        guard started.matchesState(state) else {
            return nil  // A forged or stale callback.
        }

        do {
            let tokens = try await client.exchange(code: code, codeVerifier: started.codeVerifier)
            let user = try await client.me(accessToken: tokens.accessToken)
            let hasAccess = try await client.checkAccess(productID, accessToken: tokens.accessToken)
            return hasAccess ? user : nil
        } catch let error where error.kind == .invalidGrant {
            return nil  // The code was used or has expired: start sign-in again.
        }
    }
}

struct ReadmeExampleTests {
    @Test func exampleSignsTheBuyerIn() async throws {
        try await withLiveDoorman { doorman in
            let example = ReadmeExample(
                baseURL: doorman.baseURL, clientSecret: LiveDoorman.clientSecret, productID: doorman.product.id)
            let started = example.startSignIn()
            let code = try doorman.issueCode(for: started)

            let user = try await example.finishSignIn(code: code, state: started.state, started: started)

            #expect(user?.id == doorman.buyer.id)
        }
    }

    @Test func exampleRejectsForgedState() async throws {
        try await withLiveDoorman { doorman in
            let example = ReadmeExample(
                baseURL: doorman.baseURL, clientSecret: LiveDoorman.clientSecret, productID: doorman.product.id)
            let started = example.startSignIn()
            let code = try doorman.issueCode(for: started)

            let user = try await example.finishSignIn(code: code, state: "forged", started: started)

            #expect(user == nil)
        }
    }

    @Test func exampleTurnsReusedCodeIntoNil() async throws {
        try await withLiveDoorman { doorman in
            let example = ReadmeExample(
                baseURL: doorman.baseURL, clientSecret: LiveDoorman.clientSecret, productID: doorman.product.id)
            let started = example.startSignIn()
            let code = try doorman.issueCode(for: started)
            _ = try await example.finishSignIn(code: code, state: started.state, started: started)

            let again = try await example.finishSignIn(code: code, state: started.state, started: started)

            #expect(again == nil)
        }
    }

    @Test func exampleDeniesUserWithoutAccess() async throws {
        try await withLiveDoorman { doorman in
            let example = ReadmeExample(
                baseURL: doorman.baseURL, clientSecret: LiveDoorman.clientSecret, productID: doorman.otherProduct.id)
            let started = example.startSignIn()
            let code = try doorman.issueCode(for: started)

            let user = try await example.finishSignIn(code: code, state: started.state, started: started)

            #expect(user == nil)
        }
    }

    @Test func authorizationRequestSurvivesStorage() throws {
        let configuration = OAuthConfiguration(
            clientID: "app_x", clientSecret: nil, redirectURI: "https://a.example/cb",
            endpoints: .doorman(baseURL: URL(string: "http://127.0.0.1:8080")!))
        let request = OAuthClient(configuration: configuration).makeAuthorizationRequest(scope: "openid user")

        let stored = try JSONEncoder().encode(request)
        let restored = try JSONDecoder().decode(AuthorizationRequest.self, from: stored)

        #expect(restored == request)
    }
}
