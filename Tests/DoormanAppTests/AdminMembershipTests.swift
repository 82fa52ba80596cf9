import DoormanHTTP
import DoormanOAuth
import Testing

@testable import DoormanApp

@Suite struct AdminMembershipTests {
    let harness: AdminHarness
    let now = AdminHarness.now
    let day: Int64 = 86_400

    init() throws {
        harness = try AdminHarness()
    }

    @Test func grantTrialFromPlan() throws {
        let buyer = try harness.addUser("buyer")
        let plan = try harness.addPlan(renewal: .days(30), trialDays: 7)
        let product = try #require(try harness.store.product(id: plan.productID))

        let json = try harness.runJSON(["membership", "grant", "--user", "buyer", "--plan", plan.id])
        let id = try #require(json["id"]?.stringValue)

        #expect(Identifier.isValid(id, kind: .membership))
        #expect(json["user_id"]?.stringValue == buyer.id)
        #expect(json["product_id"]?.stringValue == product.id)
        #expect(json["plan_id"]?.stringValue == plan.id)
        #expect(json["company_id"]?.stringValue == product.companyID)
        #expect(json["status"] == "trialing")
        #expect(json["valid"] == true)
        #expect(json["cancel_at_period_end"] == false)
        #expect(json["created_at"]?.intValue == Int(now))
        #expect(json["expires_at"] == .null)
        #expect(json["renewal_period_start"]?.intValue == Int(now))
        #expect(json["renewal_period_end"]?.intValue == Int(now + 7 * day))

        let expected = Membership(
            id: id, userID: buyer.id, productID: product.id, planID: plan.id, companyID: product.companyID,
            status: .trialing, createdAt: now, renewalPeriodStart: now, renewalPeriodEnd: now + 7 * day)
        #expect(try harness.store.membership(id: id) == expected)
    }

    @Test func grantRenewingPlanIsActive() throws {
        let buyer = try harness.addUser("buyer")
        let plan = try harness.addPlan(renewal: .days(30))

        let json = try harness.runJSON(["membership", "grant", "--user", buyer.id, "--plan", plan.id])
        let stored = try #require(try harness.store.membership(id: json["id"]?.stringValue ?? ""))

        #expect(json["status"] == "active")
        #expect(stored.status == .active)
        #expect(stored.renewalPeriodStart == now)
        #expect(stored.renewalPeriodEnd == now + 30 * day)
    }

    @Test func grantOneTimeWithStatusAndExpiry() throws {
        try harness.addUser("buyer")
        let plan = try harness.addPlan(renewal: .oneTime)

        let json = try harness.runJSON(
            [
                "membership", "grant", "--user", "buyer", "--plan", plan.id, "--status", "completed",
                "--expires-at", "1800000000",
            ])
        let stored = try #require(try harness.store.membership(id: json["id"]?.stringValue ?? ""))

        #expect(json["status"] == "completed")
        #expect(json["expires_at"] == 1_800_000_000)
        #expect(json["renewal_period_start"] == .null)
        #expect(json["renewal_period_end"] == .null)
        #expect(stored.status == .completed)
        #expect(stored.expiresAt == 1_800_000_000)
        #expect(stored.renewalPeriodStart == nil)
        #expect(stored.renewalPeriodEnd == nil)
    }

    @Test func grantHumanOutput() throws {
        let buyer = try harness.addUser("buyer")
        let plan = try harness.addPlan()

        let text = try harness.run(["membership", "grant", "--user", "buyer", "--plan", plan.id])
        let membership = try #require(try harness.store.memberships(userID: buyer.id).first)

        #expect(
            text == "Granted membership \(membership.id) to \(buyer.id) (buyer) for product \(plan.productID) "
                + "under plan \(plan.id), status active.")
    }

    /// Bad grant input, the exit status and the message, with `PLAN` standing for a plan without a trial.
    static let badGrants: [([String], Int32, String)] = [
        (["--user", "ghost", "--plan", "PLAN"], 1, #"unknown user "ghost": create it with doorman user create"#),
        (
            ["--user", "buyer", "--plan", "plan_missing"], 1,
            #"unknown plan "plan_missing": create it with doorman plan create"#
        ),
        (
            ["--user", "buyer", "--plan", "PLAN", "--status", "paid"], 2,
            #"invalid value "paid" for --status: expected one of trialing, active, past_due, completed, canceled, "#
                + "expired, unresolved"
        ),
        (
            ["--user", "buyer", "--plan", "PLAN", "--status", "trialing"], 1,
            "plan PLAN has no free trial, so the status cannot be trialing; give another --status or a plan created "
                + "with --trial-days"
        ),
        (
            ["--user", "buyer", "--plan", "PLAN", "--expires-at", "soon"], 2,
            #"invalid value "soon" for --expires-at: expected an integer from 1 to 253402300799"#
        ),
        (
            ["--user", "buyer"], 2,
            #"missing required option --plan <id> (a plan id (plan_…)); run "doorman membership grant --help" "#
                + "for the options"
        ),
    ]

    @Test(arguments: badGrants)
    func badGrantInput(arguments: [String], exitCode: Int32, message: String) throws {
        try harness.addUser("buyer")
        let plan = try harness.addPlan()
        let before = try harness.rowCounts()

        let failure = harness.failure(
            ["membership", "grant"] + arguments.map { $0 == "PLAN" ? plan.id : $0 })

        #expect(failure?.exitCode == exitCode)
        #expect(failure?.message == message.replacingOccurrences(of: "PLAN", with: plan.id))
        #expect(try harness.rowCounts() == before)
    }

    @Test func cancelNow() throws {
        let membership = try grant(renewal: .days(30))

        let json = try harness.runJSON(["membership", "cancel", "--membership", membership.id])
        var expected = membership
        expected.status = .canceled

        #expect(json["id"]?.stringValue == membership.id)
        #expect(json["status"] == "canceled")
        #expect(json["valid"] == false)
        #expect(json["cancel_at_period_end"] == false)
        #expect(try harness.store.membership(id: membership.id) == expected)
    }

    @Test func cancelAtPeriodEnd() throws {
        let membership = try grant(renewal: .days(30))

        let json = try harness.runJSON(["membership", "cancel", "--membership", membership.id, "--at-period-end"])
        var expected = membership
        expected.cancelAtPeriodEnd = true

        #expect(json["status"] == "active")
        #expect(json["valid"] == true)
        #expect(json["cancel_at_period_end"] == true)
        #expect(json["renewal_period_end"]?.intValue == Int(now + 30 * day))
        #expect(try harness.store.membership(id: membership.id) == expected)
    }

    @Test func cancelOneTimeAtPeriodEnd() throws {
        let membership = try grant(renewal: .oneTime)

        let failure = harness.failure(["membership", "cancel", "--membership", membership.id, "--at-period-end"])

        #expect(failure?.exitCode == 1)
        #expect(
            failure?.message == "membership \(membership.id) has no billing period to end, because its plan is "
                + "one-time; cancel it now without --at-period-end")
        #expect(try harness.store.membership(id: membership.id) == membership)
    }

    @Test func cancelTwice() throws {
        let membership = try grant(renewal: .days(30))
        _ = try harness.run(["membership", "cancel", "--membership", membership.id])

        let failure = harness.failure(["membership", "cancel", "--membership", membership.id])

        #expect(failure?.exitCode == 1)
        #expect(
            failure?.message
                == "membership \(membership.id) has already ended with status canceled; there is nothing to cancel")
    }

    @Test func cancelUnknownMembership() throws {
        let failure = harness.failure(["membership", "cancel", "--membership", "mem_missing"])

        #expect(failure?.exitCode == 1)
        #expect(failure?.message == #"unknown membership "mem_missing": grant one with doorman membership grant"#)
    }

    /// Grants a membership of a new plan to a new user through the command and returns the stored record.
    private func grant(renewal: Plan.RenewalPeriod) throws -> Membership {
        let buyer = try harness.addUser("buyer")
        let plan = try harness.addPlan(renewal: renewal)
        let json = try harness.runJSON(["membership", "grant", "--user", buyer.id, "--plan", plan.id])
        return try #require(try harness.store.membership(id: json["id"]?.stringValue ?? ""))
    }
}
