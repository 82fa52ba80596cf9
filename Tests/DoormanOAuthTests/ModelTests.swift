import DoormanOAuth
import Testing

struct WebAppTests {
    private func webApp(secretHash: String?, requirePKCE: Bool) -> WebApp {
        WebApp(
            id: "exp_1", companyID: "biz_1", name: "App", clientID: "app_1", clientSecretHash: secretHash,
            redirectURIs: ["https://app.example/callback"], productIDs: ["prod_1"], requirePKCE: requirePKCE,
            createdAt: 0)
    }

    @Test func publicClientNeedsPKCE() {
        let app = webApp(secretHash: nil, requirePKCE: false)

        #expect(app.isPublic)
        #expect(app.needsPKCE)
    }

    @Test func confidentialClientNeedsPKCEOnlyWhenConfigured() {
        #expect(!webApp(secretHash: TokenHash.of("s"), requirePKCE: false).needsPKCE)
        #expect(webApp(secretHash: TokenHash.of("s"), requirePKCE: true).needsPKCE)
    }
}

struct ConsentTests {
    @Test func consentCoversNarrowerScopeOfSameUserAndClient() throws {
        let consent = Consent(userID: "user_1", clientID: "app_1", scope: try Scope.parse("openid user"), grantedAt: 0)

        #expect(consent.covers(try Scope.parse("user"), userID: "user_1", clientID: "app_1"))
        #expect(!consent.covers(try Scope.parse("api"), userID: "user_1", clientID: "app_1"))
        #expect(!consent.covers(try Scope.parse("user"), userID: "user_2", clientID: "app_1"))
        #expect(!consent.covers(try Scope.parse("user"), userID: "user_1", clientID: "app_2"))
    }
}
