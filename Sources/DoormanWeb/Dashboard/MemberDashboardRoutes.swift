import DoormanHTTP
import DoormanOAuth

/// A product's member list, where its seller reads who has the product and cancels memberships.
struct MemberDashboardRoutes: Sendable {
    let context: WebContext
    let sessions: SessionManager

    /// `GET /dashboard/products/:id/members`: every membership of the product, newest first, with its user,
    /// status and whether it is valid now.
    func show(_ request: Request) throws -> Response {
        guard let signedIn = try sessions.signedIn(request) else {
            return AccountLinks.signInRedirect(for: request)
        }
        let owned = try DashboardAccess(store: context.store, user: signedIn.user).product(request.parameters["id"])

        var members: [ProductMember] = []
        var plans: [String: Plan?] = [:]
        for membership in try context.store.memberships(productID: owned.product.id) {
            if plans[membership.planID] == nil {
                plans[membership.planID] = .some(try context.store.plan(id: membership.planID))
            }
            let user = try context.store.user(id: membership.userID)
            members.append(ProductMember(membership: membership, user: user, plan: plans[membership.planID] ?? nil))
        }

        let page = MembersDashboardPage.render(
            owned.product, company: owned.company, members: members, signedIn: signedIn, now: context.now())
        return PageResponse.page(page)
    }

    /// `POST /dashboard/memberships/:id/cancel`: sets the membership's status to `canceled`, so it stops granting
    /// access at once, and redirects to the member list. A membership that has ended already is left as it is.
    func cancel(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let signedIn = try sessions.verifySignedIn(form, request: request)
        let owned = try DashboardAccess(store: context.store, user: signedIn.user)
            .membership(request.parameters["id"])
        let back = PageResponse.redirect(to: DashboardPaths.members(owned.product.id), status: .seeOther)
        guard !owned.membership.hasEnded else {
            return back
        }

        var membership = owned.membership
        membership.status = .canceled
        guard try context.store.updateMembership(membership) else {
            throw PageError.notFound
        }
        context.logChange(
            .membershipCanceled, request: request, user: signedIn.user,
            metadata: ["membership.id": "\(membership.id)", "product.id": "\(owned.product.id)"])
        return back
    }
}

/// A membership on the member list, with its user and plan when they still exist.
struct ProductMember {
    let membership: Membership
    let user: User?
    let plan: Plan?
}
