import DoormanOAuth
import Testing

struct PlanRulesTests {
    @Test("currency is three ASCII letters in lowercase", arguments: [("usd", "usd"), ("EUR", "eur"), ("JpY", "jpy")])
    func currencyAccepted(value: String, expected: String) {
        #expect(PlanRules.normalizedCurrency(value) == expected)
    }

    @Test("currency of another shape is rejected", arguments: ["", "us", "usdd", "u$d", "€ur", "12a"])
    func currencyRejected(value: String) {
        #expect(PlanRules.normalizedCurrency(value) == nil)
    }

    @Test(
        "renewal parses one-time and days",
        arguments: [
            ("one-time", Plan.RenewalPeriod.oneTime), ("1", .days(1)), ("30", .days(30)), ("3650", .days(3650)),
        ])
    func renewalAccepted(value: String, expected: Plan.RenewalPeriod) {
        #expect(PlanRules.parseRenewal(value) == expected)
    }

    @Test("renewal out of range is rejected", arguments: ["0", "3651", "-1", "monthly", "", "30 days", "One-Time"])
    func renewalRejected(value: String) {
        #expect(PlanRules.parseRenewal(value) == nil)
    }

    @Test func trialOnlyForRenewingPlans() {
        #expect(PlanRules.allowsTrial(of: 0, with: .oneTime))
        #expect(!PlanRules.allowsTrial(of: 7, with: .oneTime))
        #expect(PlanRules.allowsTrial(of: 7, with: .days(30)))
    }
}
