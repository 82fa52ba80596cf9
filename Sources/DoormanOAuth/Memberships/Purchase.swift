/// The terms of a membership bought under a plan, shared by the hub's purchase form and
/// `doorman membership grant`.
public enum Purchase {
    /// Seconds in a day of a plan's renewal period or trial.
    public static let secondsPerDay: Int64 = 86_400

    /// Returns the status of a new membership: `trialing` when the plan has a free trial, else `active`.
    public static func initialStatus(for plan: Plan) -> MembershipStatus {
        plan.freeTrialDays > 0 ? .trialing : .active
    }

    /// Returns the first billing period of a new membership starting at `now`, in Unix seconds, or nil for a
    /// one-time plan.
    ///
    /// While trialing, the period is the free trial, because the first payment falls due when it ends.
    public static func billingPeriod(of plan: Plan, status: MembershipStatus, startingAt now: Int64)
        -> (start: Int64, end: Int64)?
    {
        guard case .days(let days) = plan.renewalPeriod else {
            return nil
        }
        let length = status == .trialing ? plan.freeTrialDays : days
        return (now, now + Int64(length) * secondsPerDay)
    }

    /// Returns a membership of `userID` bought under `plan` at `now`, in Unix seconds, with the plan's first
    /// billing period.
    ///
    /// - Parameters:
    ///   - companyID: The `biz_…` identifier of the company that sells the plan's product.
    ///   - status: The status, `initialStatus(for:)` when nil. The caller checks that `trialing` is given only
    ///     for a plan with a free trial.
    ///   - expiresAt: The instant from which the membership no longer grants access, or nil for no fixed end.
    public static func membership(
        id: String, userID: String, plan: Plan, companyID: String, status: MembershipStatus? = nil, at now: Int64,
        expiresAt: Int64? = nil
    ) -> Membership {
        let status = status ?? initialStatus(for: plan)
        let period = billingPeriod(of: plan, status: status, startingAt: now)
        return Membership(
            id: id, userID: userID, productID: plan.productID, planID: plan.id, companyID: companyID, status: status,
            createdAt: now, expiresAt: expiresAt, renewalPeriodStart: period?.start, renewalPeriodEnd: period?.end)
    }
}

extension Membership {
    /// Whether the membership has ended for good, as `canceled` or `expired`, so there is nothing to cancel.
    public var hasEnded: Bool {
        status == .canceled || status == .expired
    }
}
