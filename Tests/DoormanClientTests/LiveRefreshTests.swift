import DoormanClient
import DoormanWeb
import Foundation
import Testing

/// Refreshing tokens against a live Doorman, which rotates refresh tokens.
struct LiveRefreshTests {
    @Test func refreshReturnsNewWorkingTokens() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let first = try await doorman.signIn(client)

            let second = try await client.refresh(try #require(first.refreshToken))
            let user = try await client.me(accessToken: second.accessToken)

            #expect(second.accessToken != first.accessToken)
            #expect(second.refreshToken != first.refreshToken)
            #expect(second.refreshToken != nil)
            #expect(second.scope == "api")
            #expect(user.id == doorman.buyer.id)
        }
    }

    @Test func retryWithinGraceWindowGetsSameTokens() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let first = try await doorman.signIn(client)
            let refreshToken = try #require(first.refreshToken)
            let rotated = try await client.refresh(refreshToken)

            let retry = try await client.refresh(refreshToken)

            #expect(retry.accessToken == rotated.accessToken)
            #expect(retry.refreshToken == rotated.refreshToken)
        }
    }

    @Test func rotatedRefreshTokenIsRejectedWithoutGrace() async throws {
        var settings = OAuthSettings()
        settings.refreshGraceSeconds = 0
        try await withLiveDoorman(settings: settings) { doorman in
            let client = doorman.client()
            let first = try await doorman.signIn(client)
            let refreshToken = try #require(first.refreshToken)
            _ = try await client.refresh(refreshToken)

            let error = await #expect(throws: DoormanClientError.self) {
                try await client.refresh(refreshToken)
            }

            #expect(error?.kind == .invalidGrant)
            #expect(error?.oauthError == "invalid_grant")
            #expect(error?.status == 400)
        }
    }
}
