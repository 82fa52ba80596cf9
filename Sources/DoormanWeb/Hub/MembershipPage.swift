import DoormanOAuth

/// The markup of a membership's page, which its holder reaches from the hub or from a web app's `manage_url`.
enum MembershipPage {
    /// Returns the page of `held`, bought under `plan`, which is nil when the plan no longer exists.
    static func render(_ held: HeldMembership, plan: Plan?, signedIn: SignedIn, now: Int64) -> HTML {
        let membership = held.membership
        let planTerms: HTML = plan.map { plan -> HTML in "<dt>Plan</dt><dd>\(PlanText.terms(plan))</dd>" } ?? .empty
        return PageLayout.document(
            title: "Membership of \(held.product.title)",
            body: """
                \(SiteNavigation.bar(signedIn))
                <h1>Membership of <a href="\(ProductRoutes.path(held.product.id))">\(held.product.title)</a></h1>
                \(HubHomePage.seller(held.companyName))
                <p>\(MembershipText.summary(membership, at: now))</p>
                <dl class="facts">
                \(planTerms)
                <dt>Purchased</dt><dd>\(MembershipText.date(membership.createdAt))</dd>
                \(period(membership))
                <dt>Ends</dt><dd>\(end(membership))</dd>
                <dt>Membership id</dt><dd><code>\(membership.id)</code></dd>
                </dl>
                <h2>Web apps</h2>
                \(HubHomePage.webApps(held, csrfToken: signedIn.session.csrfToken, now: now))
                """,
            width: .wide)
    }

    /// Returns the current billing period, or the trial while trialing, or nothing for a one-time purchase.
    static func period(_ membership: Membership) -> HTML {
        guard let start = membership.renewalPeriodStart, let end = membership.renewalPeriodEnd else {
            return .empty
        }
        let label = membership.status == .trialing ? "Free trial" : "Current billing period"
        return "<dt>\(label)</dt><dd>\(MembershipText.date(start)) to \(MembershipText.date(end))</dd>"
    }

    /// Returns when the membership stops granting access, in words.
    static func end(_ membership: Membership) -> String {
        if membership.hasEnded {
            return "Ended (\(MembershipText.status(membership.status)))"
        }
        if let expiresAt = membership.expiresAt {
            return MembershipText.date(expiresAt)
        }
        if membership.cancelAtPeriodEnd, let periodEnd = membership.renewalPeriodEnd {
            return "At the end of the billing period, " + MembershipText.date(periodEnd)
        }
        if membership.status == .trialing, let trialEnd = membership.renewalPeriodEnd {
            return "When the free trial ends, " + MembershipText.date(trialEnd)
        }
        return "No fixed end"
    }
}
