import DoormanHTTP
import DoormanOAuth
import DoormanTestSupport
import Testing

@Suite("v5 API /v5/me and routing")
struct V5MeTests {
    @Test(arguments: ["/v5/me", "/api/v5/me"])
    func meReturnsUserInWireOrder(path: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get(path, token: try await fixture.accessToken())

            #expect(reply.status == 200)
            #expect(
                reply.text
                    == #"{"id":"user_buyer","username":"buyer","name":"Ada Buyer","email":"ada@example.com","#
                    + #""profile_pic_url":null}"#)
            #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
            #expect(reply.header("Cache-Control") == "no-store")
        }
    }

    @Test func absentFieldsAreNull() async throws {
        try await APIFixture.run { fixture in
            let code = try fixture.mintCode(userID: fixture.otherUser.id)
            let tokens = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))
            let token = try #require(tokens.json["access_token"]?.stringValue)

            let reply = try await fixture.client.get("/v5/me", token: token)

            #expect(
                reply.text
                    == #"{"id":"user_other","username":"other","name":null,"email":null,"profile_pic_url":null}"#)
        }
    }

    @Test func userTextIsEscaped() async throws {
        try await APIFixture.run { fixture in
            let name = "Zoë \"Q\" \\ line\nbreak\u{1}"
            let user = User(
                id: "user_escaped", username: "escaped", name: name, profilePictureURL: "https://img.example/a.png",
                passwordHash: "x")
            try fixture.store.createUser(user)
            let code = try fixture.mintCode(userID: user.id)
            let tokens = try await fixture.client.postForm("/v5/oauth/token", fixture.codeParameters(code))
            let token = try #require(tokens.json["access_token"]?.stringValue)

            let reply = try await fixture.client.get("/v5/me", token: token)

            #expect(reply.json["name"]?.stringValue == name)
            #expect(reply.json["profile_pic_url"]?.stringValue == "https://img.example/a.png")
            #expect(reply.text.contains(#""Zoë \"Q\" \\ line\nbreak\u0001""#))
        }
    }

    @Test(arguments: ["/v5/nope", "/api/v5/nope", "/v5/me/nope", "/v5/me/memberships/mem_buyer/extra"])
    func unknownRouteIsNotFound(path: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.get(path, token: try await fixture.accessToken())

            #expect(reply.status == 404)
            #expect(reply.text == #"{"message":"Route \#(path) not found"}"#)
        }
    }

    @Test(arguments: ["/v5/me", "/api/v5/me/memberships", "/v5/me/products/prod_course", "/check/prod_course"])
    func wrongMethodIsNotAllowed(path: String) async throws {
        try await APIFixture.run { fixture in
            let reply = try await fixture.client.send("POST", path, headers: [("Authorization", "Bearer x")])

            #expect(reply.status == 405)
            #expect(reply.header("Allow") == "GET, HEAD")
        }
    }

}
