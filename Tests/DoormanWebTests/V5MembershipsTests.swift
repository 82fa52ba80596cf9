import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

extension APIFixture {
    /// Identifiers of the buyer's valid memberships, newest first, after `insertMemberships()`: eleven on the
    /// other product, then the fixture's own one.
    static let validMembershipIDs = (1...11).map { "mem_valid\($0)" } + ["mem_buyer"]

    /// Inserts eleven more valid memberships of the buyer, three invalid ones, and one of another user.
    func insertMemberships() throws {
        let statuses: [MembershipStatus] = [.active, .trialing, .pastDue, .completed]
        for index in 1...11 {
            try store.createMembership(
                Membership(
                    id: "mem_valid\(index)", userID: user.id, productID: otherProduct.id, planID: otherPlan.id,
                    companyID: company.id, status: statuses[index % 4], createdAt: Self.start - Int64(100 * index),
                    renewalPeriodEnd: Self.start + 86_400))
        }

        let invalid: [(String, MembershipStatus, Product, Plan, Int64?)] = [
            ("mem_canceled1", .canceled, otherProduct, otherPlan, nil),
            ("mem_canceled2", .canceled, product, plan, nil),
            ("mem_lapsed", .active, product, plan, Self.start - 1),
        ]
        for (id, status, product, plan, expiresAt) in invalid {
            try store.createMembership(
                Membership(
                    id: id, userID: user.id, productID: product.id, planID: plan.id, companyID: company.id,
                    status: status, createdAt: Self.start - 10, expiresAt: expiresAt))
        }

        try store.createMembership(
            Membership(
                id: "mem_of_other", userID: otherUser.id, productID: product.id, planID: plan.id,
                companyID: company.id, status: .active, createdAt: Self.start))
    }
}

/// Returns the `id` of every element of `data`.
private func ids(_ reply: TestConnection.Reply) -> [String] {
    reply.json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
}

@Suite("v5 API memberships")
struct V5MembershipsTests {
    @Test func membershipObjectHasEveryFieldInOrder() async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get("/v5/me/memberships", token: try await fixture.accessToken())

            #expect(reply.status == 200)
            #expect(reply.header("Cache-Control") == "no-store")
            let expected =
                #"{"pagination":{"current_page":1,"total_pages":1,"next_page":null,"prev_page":null,"total_count":1},"#
                + #""data":[{"id":"mem_buyer","product_id":"prod_course","user_id":"user_buyer","#
                + #""plan_id":"plan_course","company_id":"biz_course","status":"active","valid":true,"#
                + #""created_at":1764806400,"expires_at":null,"renewal_period_start":null,"renewal_period_end":null,"#
                + #""cancel_at_period_end":false,"quantity":1,"license_key":null,"metadata":{},"#
                + #""manage_url":"https://doorman.example/hub/memberships/mem_buyer"}]}"#
            #expect(reply.text == expected)
        }
    }

    @Test func optionalFieldsAreFilled() async throws {
        try await APIFixture.run { fixture in
            var membership = fixture.membership
            membership.expiresAt = APIFixture.start + 100
            membership.renewalPeriodStart = APIFixture.start - 10
            membership.renewalPeriodEnd = APIFixture.start + 20
            membership.cancelAtPeriodEnd = true
            membership.quantity = 3
            membership.licenseKey = "KEY-1"
            membership.metadata = ["b": "2", "a": "1"]
            #expect(try fixture.store.updateMembership(membership))

            let reply = try await fixture.client.get(
                "/v5/me/memberships/mem_buyer", token: try await fixture.accessToken())

            #expect(reply.status == 200)
            let expected =
                #"{"id":"mem_buyer","product_id":"prod_course","user_id":"user_buyer","plan_id":"plan_course","#
                + #""company_id":"biz_course","status":"active","valid":true,"created_at":1764806400,"#
                + #""expires_at":1764892900,"renewal_period_start":1764892790,"renewal_period_end":1764892820,"#
                + #""cancel_at_period_end":true,"quantity":3,"license_key":"KEY-1","metadata":{"a":"1","b":"2"},"#
                + #""manage_url":"https://doorman.example/hub/memberships/mem_buyer"}"#
            #expect(reply.text == expected)
        }
    }

    @Test(arguments: [
        (1, Array(APIFixture.validMembershipIDs[0..<5]), 2 as Int?, nil as Int?),
        (2, Array(APIFixture.validMembershipIDs[5..<10]), 3, 1),
        (3, Array(APIFixture.validMembershipIDs[10..<12]), nil, 2),
        (4, [], nil, 3),
    ])
    func pagesSplitValidMemberships(page: Int, expected: [String], next: Int?, previous: Int?) async throws {
        try await APIFixture.run { fixture in
            try fixture.insertMemberships()

            let reply = try await fixture.client.get(
                "/v5/me/memberships?per=5&page=\(page)", token: try await fixture.accessToken())

            #expect(reply.status == 200)
            #expect(ids(reply) == expected)
            let pagination = reply.json["pagination"]
            #expect(
                pagination?.objectValue?.keys == [
                    "current_page", "total_pages", "next_page", "prev_page", "total_count",
                ])
            #expect(pagination?["current_page"]?.intValue == page)
            #expect(pagination?["total_pages"]?.intValue == 3)
            #expect(pagination?["next_page"]?.intValue == next)
            #expect(pagination?["prev_page"]?.intValue == previous)
            #expect(pagination?["total_count"]?.intValue == 12)
        }
    }

    @Test func defaultPageHasTenItems() async throws {
        try await APIFixture.run { fixture in
            try fixture.insertMemberships()

            let reply = try await fixture.client.get("/api/v5/me/memberships", token: try await fixture.accessToken())

            #expect(ids(reply) == Array(APIFixture.validMembershipIDs[0..<10]))
            #expect(reply.json["pagination"]?["total_pages"]?.intValue == 2)
        }
    }

    @Test(arguments: [
        ("valid=true", APIFixture.validMembershipIDs),
        ("valid=false", ["mem_canceled1", "mem_canceled2", "mem_lapsed"]),
        ("valid=false&statuses[]=canceled", ["mem_canceled1", "mem_canceled2"]),
        ("valid=false&product_id=prod_course", ["mem_canceled2", "mem_lapsed"]),
        (
            "statuses[]=trialing&statuses%5B%5D=completed",
            [
                "mem_valid1", "mem_valid3", "mem_valid5", "mem_valid7",
                "mem_valid9", "mem_valid11",
            ]
        ),
        ("statuses[]=canceled", []),
        ("product_id=prod_course", ["mem_buyer"]),
        (
            "company_id=biz_course&product_id=prod_other&statuses[]=past_due",
            ["mem_valid2", "mem_valid6", "mem_valid10"]
        ),
        ("company_id=biz_nope", []),
        ("product_id=&company_id=", APIFixture.validMembershipIDs),
    ])
    func filtersNarrowTheList(query: String, expected: [String]) async throws {
        try await APIFixture.run { fixture in
            try fixture.insertMemberships()

            let reply = try await fixture.client.get(
                "/v5/me/memberships?per=50&\(query)", token: try await fixture.accessToken())

            #expect(reply.status == 200)
            #expect(Set(ids(reply)) == Set(expected))
            #expect(ids(reply).count == expected.count)
            #expect(reply.json["pagination"]?["total_count"]?.intValue == expected.count)
        }
    }

    @Test(arguments: [
        ("per=0", #"per must be a whole number from 1 to 50, got "0"."#),
        ("per=51", #"per must be a whole number from 1 to 50, got "51"."#),
        ("per=ten", #"per must be a whole number from 1 to 50, got "ten"."#),
        ("page=0", #"page must be a whole number of 1 or more, got "0"."#),
        ("page=-1", #"page must be a whole number of 1 or more, got "-1"."#),
        ("page=1.5", #"page must be a whole number of 1 or more, got "1.5"."#),
        ("per=5&per=6", "per was sent more than once; send it once."),
        ("valid=yes", #"valid must be true or false, got "yes"."#),
        (
            "statuses[]=active&statuses[]=gone",
            #"statuses[] must be one of trialing, active, past_due, completed, canceled, expired, unresolved, "#
                + #"got "gone"."#
        ),
    ])
    func badQueryIsBadRequest(query: String, message: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get(
                "/v5/me/memberships?\(query)", token: try await fixture.accessToken())

            #expect(reply.status == 400)
            #expect(reply.message == message)
            #expect(reply.json.objectValue?.keys == ["message"])
            #expect(reply.header("Cache-Control") == "no-store")
        }
    }

    @Test func combiningMarksCannotInflateMessage() async throws {
        try await APIFixture.run { fixture in
            // "x" followed by 2,000 U+0301 COMBINING ACUTE ACCENT is one Character of 2,001 scalars.
            let value = "x" + String(repeating: "%CC%81", count: 2_000)
            let reply = try await fixture.client.get(
                "/v5/me/memberships?page=\(value)", token: try await fixture.accessToken())

            #expect(reply.status == 400)
            #expect(reply.message?.hasPrefix("page must be a whole number of 1 or more, got ") == true)
            #expect((reply.message?.unicodeScalars.count ?? .max) < 150)
        }
    }

    @Test func hugePageIsEmptyNotACrash() async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get(
                "/v5/me/memberships?page=\(Int.max)&per=50", token: try await fixture.accessToken())

            #expect(reply.status == 200)
            #expect(ids(reply) == [])
        }
    }

    @Test func membershipByIDIncludesInvalidOnes() async throws {
        try await APIFixture.run { fixture in
            try fixture.insertMemberships()

            let reply = try await fixture.client.get(
                "/v5/me/memberships/mem_lapsed", token: try await fixture.accessToken())

            #expect(reply.status == 200)
            #expect(reply.json["id"]?.stringValue == "mem_lapsed")
            #expect(reply.json["valid"]?.boolValue == false)
        }
    }

    @Test(arguments: ["mem_of_other", "mem_missing", "not-an-id"])
    func foreignOrMissingMembershipIsNotFound(id: String) async throws {
        try await APIFixture.run { fixture in
            try fixture.insertMemberships()

            let reply = try await fixture.client.get("/v5/me/memberships/\(id)", token: try await fixture.accessToken())

            #expect(reply.status == 404)
            #expect(reply.text == #"{"message":"Membership \"\#(id)\" not found."}"#)
            #expect(reply.header("Cache-Control") == "no-store")
        }
    }
}
