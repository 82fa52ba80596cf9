import DoormanClient
import Foundation
import Testing

/// The whole sign-in flow against a live Doorman: authorization URL, code exchange, and the v5 API.
struct LiveFlowTests {
    @Test func exchangeReturnsBearerTokens() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let request = client.makeAuthorizationRequest()
            let code = try doorman.issueCode(for: request)

            let tokens = try await client.exchange(code: code, codeVerifier: request.codeVerifier)

            #expect(tokens.tokenType == "Bearer")
            #expect(tokens.expiresIn == 7200)
            #expect(tokens.scope == "api")
            #expect(tokens.refreshToken != nil)
            #expect(tokens.createdAt == Date(timeIntervalSince1970: TimeInterval(doorman.now)))
            #expect(!tokens.isExpired())
        }
    }

    @Test func meReturnsTheSignedInUser() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let tokens = try await doorman.signIn(client)

            let user = try await client.me(accessToken: tokens.accessToken)

            #expect(user.id == doorman.buyer.id)
            #expect(user.username == "buyer")
            #expect(user.name == "Ada Buyer")
            #expect(user.email == "ada@example.com")
            #expect(user.profilePictureURL == nil)
        }
    }

    @Test func membershipsListsTheValidMembership() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let tokens = try await doorman.signIn(client)

            let page = try await client.memberships(accessToken: tokens.accessToken)

            #expect(page.data.map(\.id) == [doorman.activeMembership.id])
            #expect(page.pagination.currentPage == 1)
            #expect(page.pagination.totalCount == 1)
            #expect(page.pagination.nextPage == nil)
        }
    }

    @Test func membershipFieldsMatchTheStore() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let tokens = try await doorman.signIn(client)
            let stored = doorman.activeMembership

            let membership = try await client.membership(id: stored.id, accessToken: tokens.accessToken)

            #expect(membership.productID == stored.productID)
            #expect(membership.userID == stored.userID)
            #expect(membership.planID == stored.planID)
            #expect(membership.companyID == stored.companyID)
            #expect(membership.status == .active)
            #expect(membership.valid)
            #expect(membership.createdAt == Date(timeIntervalSince1970: TimeInterval(stored.createdAt)))
            #expect(membership.expiresAt == nil)
            #expect(
                membership.renewalPeriodEnd
                    == stored.renewalPeriodEnd.map { Date(timeIntervalSince1970: TimeInterval($0)) })
            #expect(membership.licenseKey == "KEY-1")
            #expect(membership.metadata == ["seat": .string("3")])
            #expect(membership.quantity == 1)
        }
    }

    @Test func membershipFiltersReachTheServer() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let tokens = try await doorman.signIn(client)

            let expired = try await client.memberships(
                accessToken: tokens.accessToken, valid: false, statuses: [.expired, .canceled])
            let otherCompany = try await client.memberships(accessToken: tokens.accessToken, companyID: "biz_none")
            let byProduct = try await client.memberships(
                accessToken: tokens.accessToken, productID: doorman.product.id, page: 1, perPage: 50)

            #expect(expired.data.map(\.id) == [doorman.expiredMembership.id])
            #expect(expired.data.first?.valid == false)
            #expect(otherCompany.data.isEmpty)
            #expect(byProduct.data.map(\.id) == [doorman.activeMembership.id])
        }
    }

    @Test func checkAccessReflectsMemberships() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()
            let tokens = try await doorman.signIn(client)

            let product = try await client.checkAccess(doorman.product.id, accessToken: tokens.accessToken)
            let webApp = try await client.checkAccess(doorman.webApp.id, accessToken: tokens.accessToken)
            let expiredProduct = try await client.checkAccess(doorman.otherProduct.id, accessToken: tokens.accessToken)
            let unknownProduct = try await client.checkAccess("prod_unknown", accessToken: tokens.accessToken)

            #expect(product)
            #expect(webApp)
            #expect(!expiredProduct)
            #expect(!unknownProduct)
        }
    }

    /// A launch from the hub sends only `?code=` to the callback, with no authorization request and so no
    /// PKCE verifier.
    @Test func launchCodeExchangesWithoutVerifier() async throws {
        try await withLiveDoorman { doorman in
            let client = doorman.client()

            let tokens = try await client.exchange(code: try doorman.issueLaunchCode(), codeVerifier: nil)
            let user = try await client.me(accessToken: tokens.accessToken)

            #expect(user.id == doorman.buyer.id)
        }
    }
}
