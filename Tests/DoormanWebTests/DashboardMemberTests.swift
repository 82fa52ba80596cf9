import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("Dashboard members", .serialized)
struct DashboardMemberTests {
    static let membersPage = "/dashboard/products/prod_charts/members"

    @Test("members list shows user, status and validity")
    func membersListed() async throws {
        let fixture = try PageFixture()
        try fixture.store.createMembership(
            Membership(
                id: "mem_sam", userID: fixture.stranger.id, productID: "prod_charts", planID: "plan_monthly",
                companyID: "biz_charts", status: .expired, createdAt: PageFixture.start))
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.get(Self.membersPage)
        }

        #expect(reply.status == 200)
        #expect(reply.text.contains("<h1>Members of Charts</h1>"))
        #expect(reply.text.contains("<strong>Maria</strong>"))
        #expect(reply.text.contains("<strong>sam</strong>"))
        #expect(reply.text.contains("<span class=\"badge\">active</span> <span class=\"badge valid\">Valid now</span>"))
        #expect(reply.text.contains("<span class=\"badge\">expired</span> <span class=\"badge invalid\">"))
        #expect(reply.text.contains("9.00 USD every 30 days"))
        #expect(reply.formActions.contains("/dashboard/memberships/mem_maria/cancel"))
        #expect(!reply.formActions.contains("/dashboard/memberships/mem_sam/cancel"))
    }

    @Test("product without members says so")
    func noMembers() async throws {
        let fixture = try PageFixture()
        try fixture.addProduct(id: "prod_new", title: "New product")
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.get("/dashboard/products/prod_new/members")
        }

        #expect(reply.status == 200)
        #expect(reply.text.contains("No one holds this product yet."))
    }

    @Test("cancel ends the membership")
    func cancelMembership() async throws {
        let fixture = try PageFixture()
        let (reply, list, open) = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            let reply = try await client.submit(
                "/dashboard/memberships/mem_maria/cancel", from: Self.membersPage)
            let list = try await client.get(Self.membersPage)
            try await client.switchUser(to: "Maria")
            return (reply, list, try await client.submit("/hub/webapps/exp_chart/open"))
        }
        let membership = try #require(try fixture.store.membership(id: "mem_maria"))

        #expect(reply.status == 303)
        #expect(reply.header("Location") == Self.membersPage)
        #expect(membership.status == .canceled)
        #expect(!membership.isValid(at: PageFixture.start))
        #expect(list.text.contains("<span class=\"badge\">canceled</span>"))
        #expect(!list.formActions.contains("/dashboard/memberships/mem_maria/cancel"))
        #expect(open.status == 403)
        #expect(fixture.logs.records("membership.canceled").first?.metadata["membership.id"] == "mem_maria")
    }

    @Test("cancel of an ended membership changes nothing")
    func cancelEnded() async throws {
        let fixture = try PageFixture()
        var membership = try #require(try fixture.store.membership(id: "mem_maria"))
        membership.status = .expired
        #expect(try fixture.store.updateMembership(membership))

        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "seller")
            return try await client.submit("/dashboard/memberships/mem_maria/cancel", from: Self.membersPage)
        }

        #expect(reply.status == 303)
        #expect(try fixture.store.membership(id: "mem_maria")?.status == .expired)
        #expect(fixture.logs.records("membership.canceled").isEmpty)
    }

    @Test("buyer cannot cancel through the dashboard")
    func buyerCannotCancel() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in
            try await client.signIn(username: "Maria")
            return try await client.submit("/dashboard/memberships/mem_maria/cancel")
        }

        #expect(reply.status == 404)
        #expect(try fixture.store.membership(id: "mem_maria")?.status == .active)
    }
}
