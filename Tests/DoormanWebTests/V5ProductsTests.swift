import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("v5 API products")
struct V5ProductsTests {
    private static let courseJSON =
        #"{"id":"prod_course","company_id":"biz_course","title":"Course","visibility":"visible"}"#

    @Test func productsListsHeldProducts() async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get("/v5/me/products", token: try await fixture.accessToken())

            #expect(reply.status == 200)
            #expect(reply.header("Cache-Control") == "no-store")
            let expected =
                #"{"pagination":{"current_page":1,"total_pages":1,"next_page":null,"prev_page":null,"total_count":1},"#
                + #""data":[\#(Self.courseJSON)]}"#
            #expect(reply.text == expected)
        }
    }

    @Test func productsAreListedOnceNewestFirst() async throws {
        try await APIFixture.run { fixture in
            try fixture.insertMemberships()

            let reply = try await fixture.client.get("/api/v5/me/products", token: try await fixture.accessToken())

            let ids = reply.json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
            #expect(ids == ["prod_other", "prod_course"])
            #expect(reply.json["pagination"]?["total_count"]?.intValue == 2)
        }
    }

    @Test func productsPaginate() async throws {
        try await APIFixture.run { fixture in
            try fixture.insertMemberships()

            let reply = try await fixture.client.get(
                "/v5/me/products?per=1&page=2", token: try await fixture.accessToken())

            let ids = reply.json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
            #expect(ids == ["prod_course"])
            #expect(reply.json["pagination"]?["total_pages"]?.intValue == 2)
            #expect(reply.json["pagination"]?["prev_page"]?.intValue == 1)
        }
    }

    @Test func productByIDReturnsHeldProduct() async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get(
                "/v5/me/products/prod_course", token: try await fixture.accessToken())

            #expect(reply.status == 200)
            #expect(reply.text == Self.courseJSON)
        }
    }

    @Test(arguments: ["prod_other", "prod_missing", "%E2%9C%93"])
    func productNotHeldIsNotFound(id: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get("/v5/me/products/\(id)", token: try await fixture.accessToken())

            #expect(reply.status == 404)
            #expect(reply.message?.hasPrefix("Product ") == true)
            #expect(reply.message?.hasSuffix(" not found.") == true)
        }
    }

    @Test func productOfOnlyInvalidMembershipIsNotFound() async throws {
        try await APIFixture.run { fixture in
            let token = try await fixture.accessToken()
            var membership = fixture.membership
            membership.status = .canceled
            #expect(try fixture.store.updateMembership(membership))

            #expect(try await fixture.client.get("/v5/me/products/prod_course", token: token).status == 404)
            let list = try await fixture.client.get("/v5/me/products", token: token)
            #expect(list.json["data"]?.arrayValue?.isEmpty == true)
        }
    }
}
