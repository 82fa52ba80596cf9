import DoormanClient
import Foundation
import Testing

/// Each kind of `DoormanClientError` decoded from a real error response of a live Doorman.
struct LiveErrorTests {
    private static let invalidGrantText =
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used "
        + "in the authorization request, or was issued to another client."
    private static let invalidClientText =
        "Client authentication failed due to unknown client, no client authentication included, or unsupported "
        + "authentication method."
    private static let invalidTokenText =
        "Your access token is invalid. Please make sure you are passing an access token, and that it is "
        + "correctly formatted."

    @Test func reusedCodeIsInvalidGrant() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let request = client.makeAuthorizationRequest()
            let code = try doorman.issueCode(for: request)
            _ = try await client.exchange(code: code, codeVerifier: request.codeVerifier)

            let error = await #expect(throws: DoormanClientError.self) {
                try await client.exchange(code: code, codeVerifier: request.codeVerifier)
            }

            #expect(error?.kind == .invalidGrant)
            #expect(error?.status == 400)
            #expect(error?.oauthError == "invalid_grant")
            #expect(error?.message == Self.invalidGrantText)
            #expect(error?.request == "POST /v5/oauth/token")
        }
    }

    @Test func wrongVerifierIsInvalidGrant() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let request = client.makeAuthorizationRequest()
            let code = try doorman.issueCode(for: request)

            let error = await #expect(throws: DoormanClientError.self) {
                try await client.exchange(code: code, codeVerifier: PKCE.makeVerifier())
            }

            #expect(error?.kind == .invalidGrant)
            #expect(error?.oauthError == "invalid_grant")
        }
    }

    @Test func wrongSecretIsInvalidClient() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client(clientSecret: "not-the-secret")
            let request = client.makeAuthorizationRequest()
            let code = try doorman.issueCode(for: request)

            let error = await #expect(throws: DoormanClientError.self) {
                try await client.exchange(code: code, codeVerifier: request.codeVerifier)
            }

            #expect(error?.kind == .invalidClient)
            #expect(error?.status == 401)
            #expect(error?.oauthError == "invalid_client")
            #expect(error?.message == Self.invalidClientText)
        }
    }

    @Test func badTokenIsUnauthorized() async throws {
        try await withLiveDoorman { doorman in
            let error = await #expect(throws: DoormanClientError.self) {
                try await doorman.client().me(accessToken: "not-a-token")
            }

            #expect(error?.kind == .unauthorized)
            #expect(error?.status == 401)
            #expect(error?.oauthError == nil)
            #expect(error?.message == Self.invalidTokenText)
            #expect(error?.request == "GET /v5/me")
        }
    }

    @Test func missingMembershipIsNotFound() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let tokens = try await doorman.signIn(client)

            let error = await #expect(throws: DoormanClientError.self) {
                try await client.membership(id: "mem_missing", accessToken: tokens.accessToken)
            }

            #expect(error?.kind == .notFound)
            #expect(error?.status == 404)
            #expect(error?.message?.contains("mem_missing") == true)
            #expect(error?.message?.hasSuffix("not found.") == true)
        }
    }

    @Test func malformedAccessExpressionIsBadRequest() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let tokens = try await doorman.signIn(client)

            let error = await #expect(throws: DoormanClientError.self) {
                try await client.checkAccess("course", accessToken: tokens.accessToken)
            }

            #expect(error?.kind == .badRequest)
            #expect(error?.status == 400)
            #expect(error?.message?.hasPrefix("Invalid access expression") == true)
        }
    }

    @Test func invalidStatusFilterIsBadRequest() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let tokens = try await doorman.signIn(client)

            let error = await #expect(throws: DoormanClientError.self) {
                try await client.memberships(
                    accessToken: tokens.accessToken, statuses: [MembershipStatus(rawValue: "drafted")])
            }

            #expect(error?.kind == .badRequest)
            #expect(error?.message?.contains("drafted") == true)
        }
    }
}
