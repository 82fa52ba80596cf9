import DoormanOAuth

/// The markup of a product's member list.
enum MembersDashboardPage {
    /// Returns the page, with a Cancel button for each membership that has not ended.
    static func render(
        _ product: Product, company: Company, members: [ProductMember], signedIn: SignedIn, now: Int64
    ) -> HTML {
        let trail = DashboardTrail.links([
            ("Dashboard", DashboardPaths.home), (company.name, DashboardPaths.company(company.id)),
            (product.title, DashboardPaths.product(product.id)),
        ])
        let items = members.map { card($0, csrfToken: signedIn.session.csrfToken, now: now) }
        let list: HTML =
            members.isEmpty
            ? "<p class=\"muted\">No one holds this product yet.</p>"
            : "<ul class=\"cards\">\n\(items)</ul>"
        return PageLayout.document(
            title: "Members of \(product.title)",
            body: """
                \(SiteNavigation.bar(signedIn))
                \(trail)
                <h1>Members of \(product.title)</h1>
                \(list)
                """,
            width: .wide)
    }

    /// Returns one membership: the user, status, validity, plan, dates and the Cancel button.
    static func card(_ member: ProductMember, csrfToken: String, now: Int64) -> HTML {
        let membership = member.membership
        let who: HTML =
            member.user.map { user -> HTML in
                let name: HTML = user.name.map { name -> HTML in " <span class=\"muted\">(\(name))</span>" } ?? .empty
                return "<strong>\(user.username)</strong>\(name)"
            } ?? "<strong>Deleted user</strong>"
        let terms: HTML = member.plan.map { plan -> HTML in "<br>\(PlanText.terms(plan))" } ?? .empty
        return """
            <li>
            <h3>\(who)</h3>
            <p>\(MembershipText.summary(membership, at: now))\(terms)<br>
            <span class="muted">Purchased \(MembershipText.date(membership.createdAt)) · \
            <code>\(membership.id)</code></span></p>
            \(cancelForm(membership, csrfToken: csrfToken))
            </li>

            """
    }

    /// Returns the Cancel button of a membership that has not ended, or nothing.
    static func cancelForm(_ membership: Membership, csrfToken: String) -> HTML {
        guard !membership.hasEnded else {
            return .empty
        }
        return """
            <form method="post" action="\(DashboardPaths.cancelMembership(membership.id))">
            \(PageLayout.csrfField(csrfToken))
            <button type="submit" class="secondary">Cancel membership</button>
            </form>
            """
    }
}
