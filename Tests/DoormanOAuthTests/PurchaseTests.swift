import DoormanOAuth
import Testing

struct PurchaseTests {
    static let now: Int64 = 1_764_892_800
    static let day: Int64 = 86_400

    private func plan(renewal: Plan.RenewalPeriod, trialDays: Int = 0) -> Plan {
        Plan(
            id: "plan_1", productID: "prod_1", priceCents: 900, currency: "usd", renewalPeriod: renewal,
            freeTrialDays: trialDays)
    }

    @Test func renewingPlanStartsActiveForOnePeriod() {
        let membership = Purchase.membership(
            id: "mem_1", userID: "user_1", plan: plan(renewal: .days(30)), companyID: "biz_1", at: Self.now)

        #expect(membership.status == .active)
        #expect(membership.productID == "prod_1")
        #expect(membership.planID == "plan_1")
        #expect(membership.companyID == "biz_1")
        #expect(membership.createdAt == Self.now)
        #expect(membership.renewalPeriodStart == Self.now)
        #expect(membership.renewalPeriodEnd == Self.now + 30 * Self.day)
        #expect(membership.expiresAt == nil)
    }

    @Test func trialPlanStartsTrialingForTheTrial() {
        let membership = Purchase.membership(
            id: "mem_1", userID: "user_1", plan: plan(renewal: .days(30), trialDays: 7), companyID: "biz_1",
            at: Self.now)

        #expect(membership.status == .trialing)
        #expect(membership.renewalPeriodEnd == Self.now + 7 * Self.day)
        #expect(membership.isValid(at: Self.now + 7 * Self.day - 1))
        #expect(!membership.isValid(at: Self.now + 7 * Self.day))
    }

    @Test func oneTimePlanHasNoBillingPeriod() {
        let membership = Purchase.membership(
            id: "mem_1", userID: "user_1", plan: plan(renewal: .oneTime), companyID: "biz_1", at: Self.now)

        #expect(membership.status == .active)
        #expect(membership.renewalPeriodStart == nil)
        #expect(membership.renewalPeriodEnd == nil)
    }

    @Test("ended statuses", arguments: MembershipStatus.allCases)
    func hasEnded(status: MembershipStatus) {
        var membership = Purchase.membership(
            id: "mem_1", userID: "user_1", plan: plan(renewal: .oneTime), companyID: "biz_1", at: Self.now)
        membership.status = status

        #expect(membership.hasEnded == (status == .canceled || status == .expired))
    }
}
