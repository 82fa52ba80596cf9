extension Membership {
    /// Returns whether the membership grants access at `now`, in Unix seconds: the wire field `valid`.
    ///
    /// Every end time is exclusive, so a membership ending at `t` is invalid at `t`. By status:
    /// - `trialing`: valid until the trial ends, which is `renewalPeriodEnd` and also `expiresAt` when set.
    /// - `active`: valid until `expiresAt`. With `cancelAtPeriodEnd` it also stops at `renewalPeriodEnd`.
    ///   Without it, a passed `renewalPeriodEnd` alone does not end access, because renewing or moving the
    ///   membership to `past_due` is the billing system's job and a late update must not lock out a payer.
    /// - `past_due`: valid until `expiresAt`, so buyers keep access while a failed payment is retried.
    /// - `completed`: a fulfilled one-time purchase, valid until `expiresAt` and forever without one.
    /// - `canceled`, `expired`, `unresolved`: never valid.
    public func isValid(at now: Int64) -> Bool {
        switch status {
        case .trialing:
            return isBefore(expiresAt, now) && isBefore(renewalPeriodEnd, now)
        case .active:
            let periodEnd = cancelAtPeriodEnd ? renewalPeriodEnd : nil
            return isBefore(expiresAt, now) && isBefore(periodEnd, now)
        case .pastDue, .completed:
            return isBefore(expiresAt, now)
        case .canceled, .expired, .unresolved:
            return false
        }
    }
}

/// Returns whether `now` lies before `deadline`, treating a nil deadline as never reached.
private func isBefore(_ deadline: Int64?, _ now: Int64) -> Bool {
    guard let deadline else {
        return true
    }
    return now < deadline
}
