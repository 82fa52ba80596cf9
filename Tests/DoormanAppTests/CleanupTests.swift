import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanTestSupport
import Foundation
import Synchronization
import Testing

@testable import DoormanApp

/// A step failure for the janitor tests.
private struct StepFailure: Error {}

@Suite struct CleanupTests {
    @Test func commandLineParsesRetentionAndJSON() throws {
        let parsed = try parseCommandLine(["cleanup", "--cleanup-retention-seconds", "10", "--json"], environment: [:])

        guard case .cleanup(let configuration, let options) = parsed else {
            Issue.record("expected .cleanup, got \(parsed)")
            return
        }
        #expect(configuration.cleanupRetentionSeconds == 10)
        #expect(options.flag(AdminOptions.json))
    }

    @Test func commandLineRejectsServeOnlyOption() {
        #expect(throws: CommandLineError.self) {
            try parseCommandLine(["cleanup", "--port", "80"], environment: [:])
        }
    }

    @Test func passDeletesExpiredCodeAndCounts() throws {
        let harness = try AdminHarness()
        let product = try harness.addProduct()
        let code = try harness.expiredCode(for: product)

        let janitor = Janitor(steps: Janitor.standardSteps(store: harness.store, policy: .standard))
        let report = try janitor.runPass(at: AdminHarness.now + 100_000)

        #expect(
            report.entries.map(\.name) == [
                "authorization_codes", "access_tokens", "refresh_tokens", "sessions", "rate_limits",
            ])
        #expect(report.entries.map(\.count) == [1, 0, 0, 0, 0])
        #expect(report.total == 1)
        #expect(
            report.text == "authorization_codes: 1\naccess_tokens: 0\nrefresh_tokens: 0\nsessions: 0\nrate_limits: 0")
        #expect(try harness.store.authorizationCode(hash: code.codeHash) == nil)
    }

    @Test func passDeletesEndedRateLimitCounter() throws {
        let harness = try AdminHarness()
        _ = try harness.store.addRateLimitHits(1, key: "ended", window: 60, at: 1_000)
        _ = try harness.store.addRateLimitHits(1, key: "running", window: 600, at: 1_000)

        let janitor = Janitor(steps: Janitor.standardSteps(store: harness.store, policy: .standard))
        let report = try janitor.runPass(at: 1_100)

        #expect(report.json["rate_limits"]?.intValue == 1)
        #expect(try harness.store.rateLimitCounter(key: "ended", at: 1_100) == nil)
        #expect(try harness.store.rateLimitCounter(key: "running", at: 1_100) != nil)
    }

    @Test func addedStepJoinsThePass() throws {
        let harness = try AdminHarness()
        let seen = Mutex<Int64?>(nil)
        let rateLimits = CleanupStep { now in
            seen.withLock { $0 = now }
            return [("rate_limits", 4)]
        }

        let janitor = Janitor(steps: Janitor.standardSteps(store: harness.store, policy: .standard) + [rateLimits])
        let report = try janitor.runPass(at: 1_234)

        #expect(report.entries.last?.name == "rate_limits")
        #expect(report.total == 4)
        #expect(report.json["rate_limits"]?.intValue == 4)
        #expect(seen.withLock { $0 } == 1_234)
    }

    @Test func failingStepStopsThePass() {
        let ran = Mutex(false)
        let failing = CleanupStep { _ in throw StepFailure() }
        let later = CleanupStep { _ in
            ran.withLock { $0 = true }
            return []
        }

        #expect(throws: StepFailure.self) { try Janitor(steps: [failing, later]).runPass(at: 0) }
        #expect(ran.withLock { $0 } == false)
    }

    @Test func sameTableFromTwoStepsIsSummedInJSON() {
        let report = CleanupReport(entries: [("sessions", 2), ("sessions", 3)])

        #expect(report.json.serializedString() == #"{"sessions":5}"#)
    }

    @Test func scheduleRunsPassesUntilStopped() throws {
        let passes = Mutex(0)
        let counting = CleanupStep { _ in
            passes.withLock { $0 += 1 }
            return []
        }
        let schedule = CleanupSchedule(
            janitor: Janitor(steps: [counting]), intervalSeconds: 1, now: { 0 }, logger: quietLogger())

        schedule.start()
        Thread.sleep(forTimeInterval: 2.5)
        schedule.stop()
        let afterStop = passes.withLock { $0 }
        Thread.sleep(forTimeInterval: 1.2)

        #expect(afterStop >= 1)
        #expect(passes.withLock { $0 } == afterStop)
    }
}

extension AdminHarness {
    /// Stores a code of a new web app for `product` that expired at `now + 60`, and returns it.
    fileprivate func expiredCode(for product: Product) throws -> AuthorizationCode {
        let buyer = try addUser("buyer")
        let webApp = WebApp(
            id: "exp_cleanup", companyID: product.companyID, name: "Cleanup app", clientID: "app_cleanup",
            clientSecretHash: TokenHash.of("secret"), redirectURIs: ["https://cleanup.example/callback"],
            productIDs: [product.id], createdAt: Self.now)
        try store.createWebApp(webApp)
        let code = AuthorizationCode(
            codeHash: TokenHash.of("expired-code"), clientID: webApp.clientID, userID: buyer.id, redirectURI: nil,
            scope: .default, createdAt: Self.now, expiresAt: Self.now + 60)
        try store.saveAuthorizationCode(code)
        return code
    }
}
