import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("Access check /check/:access_expression")
struct CheckAccessTests {
    @Test(arguments: [
        ("prod_course", true),
        ("prod_other", false),
        ("prod_unknown", false),
        ("exp_course", true),
        ("exp_other", false),
        ("exp_unknown", false),
    ])
    func checkReportsAccess(expression: String, access: Bool) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get("/check/\(expression)", token: try await fixture.accessToken())

            #expect(reply.status == 200)
            #expect(reply.text == #"{"access":\#(access)}"#)
            #expect(reply.header("Cache-Control") == "no-store")
        }
    }

    @Test func canceledMembershipRemovesAccess() async throws {
        try await APIFixture.run { fixture in
            let token = try await fixture.accessToken()
            var membership = fixture.membership
            membership.status = .canceled
            #expect(try fixture.store.updateMembership(membership))

            #expect(try await fixture.client.get("/check/prod_course", token: token).text == #"{"access":false}"#)
            #expect(try await fixture.client.get("/check/exp_course", token: token).text == #"{"access":false}"#)
        }
    }

    @Test(arguments: ["bogus", "prod_", "exp_a.b", "user_buyer", "mem_buyer"])
    func malformedExpressionIsBadRequest(expression: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get("/check/\(expression)", token: try await fixture.accessToken())

            #expect(reply.status == 400)
            #expect(
                reply.message
                    == "Invalid access expression \"\(expression)\": expected prod_ or exp_ followed by letters, "
                    + "digits, - or _.")
        }
    }

    @Test func checkWithoutTokenIsUnauthorized() async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get("/check/bogus", token: nil)

            #expect(reply.status == 401)
            #expect(reply.header("WWW-Authenticate") == #"Bearer realm="doorman""#)
        }
    }
}
