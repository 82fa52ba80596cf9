import Foundation
import Testing

@testable import DoormanClient

/// Concurrent refreshes of one refresh token against a live Doorman share one request.
struct RefreshCoalescingTests {
    private static let callerCount = 10

    @Test func concurrentRefreshesSendOneRequest() async throws {
        try await withLiveDoorman { doorman in
            let first = try await doorman.signIn(doorman.client())
            let refreshToken = try #require(first.refreshToken)
            let transport = CountingTransport(open: false)
            let client = OAuthClient(configuration: doorman.configuration(), transport: transport)

            let outcomes = try await refreshConcurrently(client, refreshToken: refreshToken, transport: transport)
            let tokens = try outcomes.map { try $0.get() }

            #expect(transport.requestCount == 1)
            #expect(tokens.count == Self.callerCount)
            #expect(Set(tokens.map(\.accessToken)).count == 1)
            #expect(Set(tokens.map(\.refreshToken)).count == 1)
            #expect(tokens.first?.accessToken != first.accessToken)
        }
    }

    @Test func coalescedTokensStayUsable() async throws {
        try await withLiveDoorman { doorman in
            let first = try await doorman.signIn(doorman.client())
            let transport = CountingTransport(open: false)
            let client = OAuthClient(configuration: doorman.configuration(), transport: transport)
            let outcomes = try await refreshConcurrently(
                client, refreshToken: try #require(first.refreshToken), transport: transport)
            let shared = try #require(try outcomes.first?.get())

            let user = try await client.me(accessToken: shared.accessToken)
            let next = try await client.refresh(try #require(shared.refreshToken))

            #expect(user.id == doorman.buyer.id)
            #expect(next.accessToken != shared.accessToken)
            #expect(transport.requestCount == 3)
        }
    }

    @Test func concurrentFailuresShareOneError() async throws {
        try await withLiveDoorman { doorman in
            let transport = CountingTransport(open: false)
            let client = OAuthClient(configuration: doorman.configuration(), transport: transport)

            let outcomes = try await refreshConcurrently(
                client, refreshToken: "not-a-refresh-token", transport: transport)
            let errors = outcomes.compactMap { outcome -> DoormanClientError? in
                if case .failure(let error) = outcome {
                    return error
                }
                return nil
            }

            #expect(transport.requestCount == 1)
            #expect(errors.count == Self.callerCount)
            #expect(errors.allSatisfy { $0.kind == .invalidGrant })
        }
    }

    @Test func differentRefreshTokensAreNotCoalesced() async throws {
        try await withLiveDoorman { doorman in
            let transport = CountingTransport()
            let client = OAuthClient(configuration: doorman.configuration(), transport: transport)
            let first = try await doorman.signIn(doorman.client())
            let second = try await doorman.signIn(doorman.client())

            async let refreshedFirst = client.refresh(try #require(first.refreshToken))
            async let refreshedSecond = client.refresh(try #require(second.refreshToken))
            let (one, two) = try await (refreshedFirst, refreshedSecond)

            #expect(transport.requestCount == 2)
            #expect(one.accessToken != two.accessToken)
        }
    }

    /// Starts `callerCount` refreshes of `refreshToken`, waits until all of them share the flight held at the
    /// closed gate of `transport`, opens it, and returns every caller's outcome.
    private func refreshConcurrently(
        _ client: OAuthClient, refreshToken: String, transport: CountingTransport
    ) async throws -> [Result<TokenSet, DoormanClientError>] {
        try await withThrowingTaskGroup(of: Result<TokenSet, DoormanClientError>.self) { group in
            for _ in 0..<Self.callerCount {
                group.addTask {
                    do throws(DoormanClientError) {
                        return .success(try await client.refresh(refreshToken))
                    } catch {
                        return .failure(error)
                    }
                }
            }

            try await waitUntil { await client.refreshes.callerCount(key: refreshToken) == Self.callerCount }
            transport.open()

            var outcomes: [Result<TokenSet, DoormanClientError>] = []
            for try await outcome in group {
                outcomes.append(outcome)
            }
            return outcomes
        }
    }

    /// Polls `condition` every 10 ms and fails the test when it is still false after 120 seconds.
    ///
    /// The condition takes milliseconds, but parallel tests that block can hold the two cooperative threads of a
    /// 2-core machine for tens of seconds. A 30 s bound failed there under load.
    private func waitUntil(_ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if await condition() {
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("condition still false after 120 seconds")
    }
}
