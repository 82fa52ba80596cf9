import DoormanOAuth
import Testing

struct ClientAuthenticationTests {
    @Test func confidentialClientWithRightSecretPasses() throws {
        let client = try ClientAuthentication.verify(client: Fixtures.confidentialApp, secret: Fixtures.secret)

        #expect(client == Fixtures.confidentialApp)
    }

    @Test func publicClientWithoutSecretPasses() throws {
        let client = try ClientAuthentication.verify(client: Fixtures.publicApp, secret: nil)

        #expect(client == Fixtures.publicApp)
    }

    @Test func unknownClientIsInvalidClient() {
        let error = oauthError { try ClientAuthentication.verify(client: nil, secret: Fixtures.secret) }

        #expect(error?.code == .invalidClient)
        #expect(error?.description == WireText.invalidClient)
        #expect(error?.status == 401)
    }

    @Test(arguments: [nil, "wrong", Fixtures.secret + "x", String(Fixtures.secret.dropLast()), ""] as [String?])
    func confidentialClientWithoutRightSecretIsInvalidClient(secret: String?) {
        let error = oauthError { try ClientAuthentication.verify(client: Fixtures.confidentialApp, secret: secret) }

        #expect(error?.code == .invalidClient)
        #expect(error?.description == WireText.invalidClient)
    }

    @Test func secretHashIsNotAccepted() {
        let hash = TokenHash.of(Fixtures.secret)
        let error = oauthError { try ClientAuthentication.verify(client: Fixtures.confidentialApp, secret: hash) }

        #expect(error?.code == .invalidClient)
    }

    @Test func publicClientSendingSecretIsInvalidClient() {
        let error = oauthError { try ClientAuthentication.verify(client: Fixtures.publicApp, secret: "anything") }

        #expect(error?.code == .invalidClient)
    }
}

struct ConfidentialClientAuthenticationTests {
    @Test func confidentialClientWithRightSecretPasses() throws {
        let client = try ClientAuthentication.verifyConfidential(
            client: Fixtures.confidentialApp, secret: Fixtures.secret)

        #expect(client == Fixtures.confidentialApp)
    }

    @Test func publicClientIsInvalidClient() {
        let error = oauthError { try ClientAuthentication.verifyConfidential(client: Fixtures.publicApp, secret: nil) }

        #expect(error?.code == .invalidClient)
        #expect(error?.status == 401)
    }

    @Test(arguments: [nil, "wrong"] as [String?])
    func confidentialClientWithoutRightSecretIsInvalidClient(secret: String?) {
        let error = oauthError {
            try ClientAuthentication.verifyConfidential(client: Fixtures.confidentialApp, secret: secret)
        }

        #expect(error?.code == .invalidClient)
    }
}
