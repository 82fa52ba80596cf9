import DoormanOAuth
import DoormanPostgres
import DoormanTestSupport
import Foundation
import Testing

/// A code redemption on PostgreSQL is one statement that runs again after a lost connection, so it must report the
/// same result when its first run had already committed.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured))
struct PostgresRedemptionRetryTests {
    @Test func runAgainAfterCommitReportsRedeemed() throws {
        try withStore { store, _ in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-retried")
            try store.saveAuthorizationCode(code)
            let access = fixture.accessToken("access-retried", grantID: code.codeHash)
            let refresh = fixture.refreshToken("refresh-retried", grantID: code.codeHash)

            let first = try store.redeemAuthorizationCode(
                hash: code.codeHash, at: Fixture.now, access: access, refresh: refresh)
            // The same tokens again, as the run after a connection lost while the first run committed sends them.
            let again = try store.redeemAuthorizationCode(
                hash: code.codeHash, at: Fixture.now, access: access, refresh: refresh)
            let other = fixture.accessToken("access-other", grantID: code.codeHash)
            let replay = try store.redeemAuthorizationCode(
                hash: code.codeHash, at: Fixture.now, access: other, refresh: nil)

            #expect(first == .redeemed)
            #expect(again == .redeemed)
            #expect(replay == .alreadyConsumed)
            #expect(try store.accessToken(hash: access.tokenHash) != nil)
            #expect(try store.refreshToken(hash: refresh.tokenHash) != nil)
            #expect(try store.accessToken(hash: other.tokenHash) == nil)
        }
    }

    @Test func redemptionSurvivesLostConnection() throws {
        try withStore { store, url in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-after-failover")
            try store.saveAuthorizationCode(code)
            // The pool has one connection. Ending its server session, as a failover would, leaves it stale.
            let processID = try store.database.withConnection { $0.backendProcessID }
            let administration = try PostgresConnection(url: url)
            let ended = try administration.query("SELECT pg_terminate_backend($1)", [Int(processID)])
            try #require(try ended.first?.bool(at: 0) == true)
            // The server ends the session asynchronously, after pg_terminate_backend returns.
            usleep(100_000)

            let access = fixture.accessToken("access-after-failover", grantID: code.codeHash)
            let result = try store.redeemAuthorizationCode(
                hash: code.codeHash, at: Fixture.now, access: access, refresh: nil)

            #expect(result == .redeemed)
            #expect(try store.accessToken(hash: access.tokenHash) != nil)
            #expect(try store.authorizationCode(hash: code.codeHash)?.consumedAt == Fixture.now)
        }
    }

    @Test func deletedCodeIsNotFound() throws {
        try withStore { store, url in
            let fixture = try Fixture.insert(into: store)
            let code = fixture.code("code-deleted")
            try store.saveAuthorizationCode(code)
            let administration = try PostgresConnection(url: url)
            _ = try administration.run("DELETE FROM authorization_codes WHERE code_hash = $1", [code.codeHash])

            let access = fixture.accessToken("access-none", grantID: code.codeHash)
            let result = try store.redeemAuthorizationCode(
                hash: code.codeHash, at: Fixture.now, access: access, refresh: nil)

            #expect(result == .notFound)
        }
    }

    private func withStore(_ body: (PostgresStore, String) throws -> Void) throws {
        try PostgresTestDatabase.withSchema { url in
            let configuration = PostgresConfiguration(url: url, poolSize: 1)
            let store = try PostgresStore.open(configuration: configuration, logger: quietLogger())
            defer { store.close() }
            try body(store, url)
        }
    }
}
