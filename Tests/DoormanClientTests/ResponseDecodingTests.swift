import Foundation
import Testing

@testable import DoormanClient

struct ResponseDecodingTests {
    private let tokenBody = #"""
        {"access_token":"at","token_type":"Bearer","expires_in":7200,"refresh_token":"rt","scope":"api",
         "created_at":1764892800}
        """#

    private let membershipBody = #"""
        {"id":"mem_1","product_id":"prod_1","user_id":"user_1","plan_id":"plan_1","company_id":"biz_1",
         "status":"active","valid":true,"created_at":1764892800,"expires_at":null,"renewal_period_start":1764892800,
         "renewal_period_end":1767484800,"cancel_at_period_end":false,"quantity":1,"license_key":null,
         "metadata":{"seat":"3","count":2,"flag":true,"tags":["a"]},"manage_url":"https://hub.example/m/mem_1",
         "extra_field":{"ignored":true}}
        """#

    @Test func tokenResponseDecodes() throws {
        let tokens = try decode(TokenSet.self, tokenBody)

        #expect(tokens.accessToken == "at")
        #expect(tokens.tokenType == "Bearer")
        #expect(tokens.expiresIn == 7200)
        #expect(tokens.refreshToken == "rt")
        #expect(tokens.scope == "api")
        #expect(tokens.createdAt == Date(timeIntervalSince1970: 1_764_892_800))
    }

    @Test func tokenResponseWithoutOptionalFieldsDecodes() throws {
        let tokens = try decode(TokenSet.self, #"{"access_token":"at","token_type":"Bearer","expires_in":60}"#)

        #expect(tokens.refreshToken == nil)
        #expect(tokens.scope == nil)
        #expect(tokens.createdAt == nil)
    }

    @Test func expiryCountsFromReceipt() {
        let received = Date(timeIntervalSince1970: 1000)
        let tokens = TokenSet(accessToken: "at", expiresIn: 7200, receivedAt: received)

        #expect(tokens.expiresAt == Date(timeIntervalSince1970: 8200))
        #expect(!tokens.isExpired(at: Date(timeIntervalSince1970: 8199)))
        #expect(tokens.isExpired(at: Date(timeIntervalSince1970: 8200)))
        #expect(tokens.isExpired(at: Date(timeIntervalSince1970: 8140), leeway: 60))
    }

    @Test func tokenSetSurvivesEncodingRoundTrip() throws {
        let tokens = TokenSet(
            accessToken: "at", expiresIn: 7200, refreshToken: "rt", scope: "api",
            createdAt: Date(timeIntervalSince1970: 1_764_892_800), receivedAt: Date(timeIntervalSince1970: 1.25))

        let decoded = try JSONDecoder().decode(TokenSet.self, from: JSONEncoder().encode(tokens))

        #expect(decoded == tokens)
    }

    @Test func userDecodesWithNullEmail() throws {
        let user = try decode(
            User.self,
            #"{"id":"user_1","username":"ada","name":"Ada","email":null,"profile_pic_url":"https://p.example/a.png"}"#)

        #expect(user.id == "user_1")
        #expect(user.username == "ada")
        #expect(user.name == "Ada")
        #expect(user.email == nil)
        #expect(user.profilePictureURL == URL(string: "https://p.example/a.png"))
    }

    @Test func userWithEmptyPictureURLDecodes() throws {
        let user = try decode(User.self, #"{"id":"user_1","username":"ada","profile_pic_url":""}"#)

        #expect(user.profilePictureURL == nil)
        #expect(user.name == nil)
    }

    @Test func membershipDecodesEveryField() throws {
        let membership = try decode(Membership.self, membershipBody)

        #expect(membership.id == "mem_1")
        #expect(membership.productID == "prod_1")
        #expect(membership.userID == "user_1")
        #expect(membership.planID == "plan_1")
        #expect(membership.companyID == "biz_1")
        #expect(membership.status == .active)
        #expect(membership.valid)
        #expect(membership.createdAt == Date(timeIntervalSince1970: 1_764_892_800))
        #expect(membership.expiresAt == nil)
        #expect(membership.renewalPeriodEnd == Date(timeIntervalSince1970: 1_767_484_800))
        #expect(!membership.cancelAtPeriodEnd)
        #expect(membership.quantity == 1)
        #expect(membership.licenseKey == nil)
        #expect(membership.manageURL == URL(string: "https://hub.example/m/mem_1"))
    }

    @Test func membershipMetadataKeepsEveryJSONKind() throws {
        let membership = try decode(Membership.self, membershipBody)

        #expect(membership.metadata["seat"] == .string("3"))
        #expect(membership.metadata["count"] == .number(2))
        #expect(membership.metadata["flag"] == .bool(true))
        #expect(membership.metadata["tags"] == .array([.string("a")]))
    }

    @Test func unknownStatusIsKeptRaw() throws {
        let body = membershipBody.replacingOccurrences(of: #""status":"active""#, with: #""status":"drafted""#)

        let membership = try decode(Membership.self, body)

        #expect(membership.status.rawValue == "drafted")
        #expect(!membership.status.isKnown)
    }

    @Test(arguments: MembershipStatus.known)
    func knownStatusDecodes(status: MembershipStatus) throws {
        let body = membershipBody.replacingOccurrences(
            of: #""status":"active""#, with: #""status":"\#(status.rawValue)""#)

        #expect(try decode(Membership.self, body).status == status)
    }

    @Test func membershipPageDecodes() throws {
        let body = #"""
            {"pagination":{"current_page":2,"total_pages":3,"next_page":3,"prev_page":1,"total_count":25},
             "data":[\#(membershipBody)]}
            """#

        let page = try decode(MembershipPage.self, body)

        #expect(page.pagination.currentPage == 2)
        #expect(page.pagination.totalPages == 3)
        #expect(page.pagination.nextPage == 3)
        #expect(page.pagination.previousPage == 1)
        #expect(page.pagination.totalCount == 25)
        #expect(page.data.map(\.id) == ["mem_1"])
    }

    @Test(arguments: [200, 201])
    func successStatusesDecode(status: Int) throws {
        let answer = try ResponseDecoding.decode(
            AccessAnswer.self, from: Data(#"{"access":true}"#.utf8), status: status, request: "GET /check/prod_1",
            mayExcerptBody: true)

        #expect(answer.access)
    }

    @Test(arguments: [
        (#"{"access_token":"at","token_type":"Bearer"}"#, "missing key expires_in"),
        (#"{"access_token":"at","token_type":"Bearer","expires_in":"soon"}"#, "expected Int at expires_in"),
        ("<html>", "body is not JSON"),
    ])
    func undecodableTokenBodyNamesTheReason(body: String, reason: String) {
        let error = #expect(throws: DoormanClientError.self) {
            try ResponseDecoding.decode(
                TokenSet.self, from: Data(body.utf8), status: 200, request: "POST /v5/oauth/token",
                mayExcerptBody: false)
        }

        #expect(error?.kind == .invalidResponse)
        #expect(error?.underlyingError == reason)
        #expect(error?.bodyExcerpt == nil)
    }

    @Test func undecodableAPIBodyKeepsExcerpt() {
        let error = #expect(throws: DoormanClientError.self) {
            try ResponseDecoding.decode(
                User.self, from: Data(#"{"id":"user_1"}"#.utf8), status: 200, request: "GET /v5/me",
                mayExcerptBody: true)
        }

        #expect(error?.underlyingError == "missing key username")
        #expect(error?.bodyExcerpt == #"{"id":"user_1"}"#)
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ body: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(body.utf8))
    }
}
