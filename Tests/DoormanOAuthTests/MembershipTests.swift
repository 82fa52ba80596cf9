import DoormanOAuth
import Testing

/// One validity case: a membership's status and end times, the time checked, and the expected result.
struct ValidityCase: Sendable, CustomStringConvertible {
    let status: MembershipStatus
    var expiresAt: Int64? = nil
    var renewalPeriodEnd: Int64? = nil
    var cancelAtPeriodEnd = false
    let now: Int64
    let valid: Bool

    var description: String {
        "\(status.rawValue) expires=\(expiresAt.map(String.init) ?? "nil") "
            + "periodEnd=\(renewalPeriodEnd.map(String.init) ?? "nil") cancel=\(cancelAtPeriodEnd) now=\(now)"
    }
}

private func membership(
    _ status: MembershipStatus, productID: String = "prod_1", expiresAt: Int64? = nil,
    renewalPeriodEnd: Int64? = nil, cancelAtPeriodEnd: Bool = false
) -> Membership {
    Membership(
        id: "mem_1", userID: "user_1", productID: productID, planID: "plan_1", companyID: "biz_1", status: status,
        createdAt: 0, expiresAt: expiresAt, renewalPeriodStart: 0, renewalPeriodEnd: renewalPeriodEnd,
        cancelAtPeriodEnd: cancelAtPeriodEnd)
}

struct MembershipValidityTests {
    @Test(arguments: [
        // Trialing: valid until the trial end, exclusive.
        ValidityCase(status: .trialing, renewalPeriodEnd: 1000, now: 999, valid: true),
        ValidityCase(status: .trialing, renewalPeriodEnd: 1000, now: 1000, valid: false),
        ValidityCase(status: .trialing, renewalPeriodEnd: 1000, now: 1001, valid: false),
        ValidityCase(status: .trialing, expiresAt: 1000, now: 999, valid: true),
        ValidityCase(status: .trialing, expiresAt: 1000, now: 1000, valid: false),
        ValidityCase(status: .trialing, expiresAt: 500, renewalPeriodEnd: 1000, now: 700, valid: false),
        ValidityCase(status: .trialing, now: 1_000_000, valid: true),
        // Active: expiresAt ends it, a passed period end alone does not.
        ValidityCase(status: .active, now: 1_000_000, valid: true),
        ValidityCase(status: .active, expiresAt: 1000, now: 999, valid: true),
        ValidityCase(status: .active, expiresAt: 1000, now: 1000, valid: false),
        ValidityCase(status: .active, renewalPeriodEnd: 1000, now: 1500, valid: true),
        // Active and canceled at period end: valid until the period ends, then not.
        ValidityCase(status: .active, renewalPeriodEnd: 1000, cancelAtPeriodEnd: true, now: 999, valid: true),
        ValidityCase(status: .active, renewalPeriodEnd: 1000, cancelAtPeriodEnd: true, now: 1000, valid: false),
        ValidityCase(status: .active, renewalPeriodEnd: 1000, cancelAtPeriodEnd: true, now: 5000, valid: false),
        ValidityCase(status: .active, cancelAtPeriodEnd: true, now: 5000, valid: true),
        // Past due: grace until expiresAt.
        ValidityCase(status: .pastDue, now: 1_000_000, valid: true),
        ValidityCase(status: .pastDue, expiresAt: 1000, now: 999, valid: true),
        ValidityCase(status: .pastDue, expiresAt: 1000, now: 1000, valid: false),
        ValidityCase(status: .pastDue, renewalPeriodEnd: 1000, now: 2000, valid: true),
        // Completed: a one-time purchase.
        ValidityCase(status: .completed, now: 1_000_000, valid: true),
        ValidityCase(status: .completed, expiresAt: 1000, now: 999, valid: true),
        ValidityCase(status: .completed, expiresAt: 1000, now: 1000, valid: false),
        // Never valid, whatever the end times are.
        ValidityCase(status: .canceled, now: 0, valid: false),
        ValidityCase(status: .canceled, expiresAt: 1000, now: 10, valid: false),
        ValidityCase(status: .expired, now: 0, valid: false),
        ValidityCase(status: .expired, expiresAt: 1000, now: 10, valid: false),
        ValidityCase(status: .unresolved, now: 0, valid: false),
        ValidityCase(status: .unresolved, renewalPeriodEnd: 1000, now: 10, valid: false),
    ])
    func validityAtTime(testCase: ValidityCase) {
        let subject = membership(
            testCase.status, expiresAt: testCase.expiresAt, renewalPeriodEnd: testCase.renewalPeriodEnd,
            cancelAtPeriodEnd: testCase.cancelAtPeriodEnd)

        #expect(subject.isValid(at: testCase.now) == testCase.valid)
    }

    @Test(arguments: [
        ("trialing", MembershipStatus.trialing), ("active", .active), ("past_due", .pastDue),
        ("completed", .completed), ("canceled", .canceled), ("expired", .expired), ("unresolved", .unresolved),
    ])
    func statusWireNames(wire: String, status: MembershipStatus) {
        #expect(status.rawValue == wire)
        #expect(MembershipStatus(rawValue: wire) == status)
    }

    @Test func statusSetIsComplete() {
        #expect(MembershipStatus.allCases.count == 7)
    }
}

struct AccessTests {
    private let webApp = WebApp(
        id: "exp_1", companyID: "biz_1", name: "App", clientID: "app_1", clientSecretHash: nil,
        redirectURIs: ["https://app.example/callback"], productIDs: ["prod_1", "prod_2"], createdAt: 0)

    @Test func validMembershipOfServedProductGrantsUse() {
        #expect(Access.userMayUse(webApp: webApp, memberships: [membership(.active, productID: "prod_2")], at: 10))
    }

    @Test func membershipOfOtherProductDoesNot() {
        #expect(!Access.userMayUse(webApp: webApp, memberships: [membership(.active, productID: "prod_9")], at: 10))
    }

    @Test func invalidMembershipDoesNot() {
        #expect(!Access.userMayUse(webApp: webApp, memberships: [membership(.canceled)], at: 10))
    }

    @Test func noMembershipsDoesNot() {
        #expect(!Access.userMayUse(webApp: webApp, memberships: [], at: 10))
    }

    @Test func accessEndsWhenMembershipExpires() {
        let memberships = [membership(.active, expiresAt: 100)]

        #expect(Access.userMayUse(webApp: webApp, memberships: memberships, at: 99))
        #expect(!Access.userMayUse(webApp: webApp, memberships: memberships, at: 100))
    }

    @Test func oneValidAmongInvalidSuffices() {
        let memberships = [membership(.expired), membership(.canceled), membership(.trialing, renewalPeriodEnd: 50)]

        #expect(Access.userMayUse(webApp: webApp, memberships: memberships, at: 10))
    }

    @Test func hasProductChecksProductAndValidity() {
        #expect(Access.userHasProduct("prod_1", memberships: [membership(.completed)], at: 10))
        #expect(!Access.userHasProduct("prod_2", memberships: [membership(.completed)], at: 10))
        #expect(!Access.userHasProduct("prod_1", memberships: [membership(.expired)], at: 10))
    }
}

struct AccessExpressionTests {
    @Test func productExpression() throws {
        #expect(try AccessExpression.parse("prod_abc-DEF_123") == .product(id: "prod_abc-DEF_123"))
    }

    @Test func webAppExpression() throws {
        #expect(try AccessExpression.parse("exp_xyz") == .webApp(id: "exp_xyz"))
    }

    @Test(arguments: [
        "", "prod_", "exp_", "mem_abc", "user_abc", "biz_abc", "prod", "PROD_abc", "prod_a/b", "prod_a%2Fb",
        "prod_a.b", "prod_a b", "prod_аbc", "prod_abc\n", "exp_" + String(repeating: "a", count: 65),
    ])
    func otherValuesAreErrors(value: String) {
        #expect(throws: AccessExpressionError(value: value)) {
            try AccessExpression.parse(value)
        }
    }

    @Test func errorNamesValueAndFix() {
        let message = AccessExpressionError(value: "mem_1").description

        #expect(message.contains("\"mem_1\""))
        #expect(message.contains("prod_ or exp_"))
    }

    @Test func errorEchoesAtMostEightyScalars() {
        // One letter with 5000 combining marks is a single Character, so a cap on Characters keeps all of it.
        let value = "a" + String(repeating: "\u{301}", count: 5000)
        let message = AccessExpressionError(value: value).description

        #expect(message.unicodeScalars.filter { $0 == "\u{301}" }.count == 79)
        #expect(message.utf8.count < 400)
    }
}
