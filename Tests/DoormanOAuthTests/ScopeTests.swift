import DoormanOAuth
import Testing

struct ScopeTests {
    @Test(arguments: [nil, ""] as [String?])
    func absentScopeMeansAPI(value: String?) throws {
        let scope = try Scope.parse(value)

        #expect(scope == .default)
        #expect(scope.description == "api")
    }

    @Test(arguments: [
        ("api", "api"),
        ("read_user", "read_user"),
        ("openid user", "openid user"),
        ("user openid", "openid user"),
        ("user user", "user"),
        ("openid  user", "openid user"),
        (" api ", "api"),
        ("user read_user api openid", "api openid read_user user"),
    ])
    func knownTokensParseToCanonicalString(value: String, canonical: String) throws {
        #expect(try Scope.parse(value).description == canonical)
    }

    @Test(arguments: ["admin", "API", "openid,user", "openid\tuser", "read_user write", "   ", "api\u{00A0}user"])
    func unknownOrMalformedIsInvalidScope(value: String) {
        #expect(oauthError { try Scope.parse(value) }?.code == .invalidScope)
    }

    @Test func invalidScopeDescriptionIsExact() {
        let error = oauthError { try Scope.parse("admin") }

        #expect(error?.code == .invalidScope)
        #expect(error?.description == "The requested scope is invalid, unknown, or malformed.")
    }

    @Test func equalSetsAreEqual() throws {
        #expect(try Scope.parse("openid user") == Scope.parse("user openid"))
    }

    @Test func subsetAllowsNarrowingOnly() throws {
        let granted = try Scope.parse("openid user")

        #expect(try Scope.parse("user").isSubset(of: granted))
        #expect(granted.isSubset(of: granted))
        #expect(try !Scope.parse("openid user api").isSubset(of: granted))
        #expect(try !Scope.parse("api").isSubset(of: granted))
    }

    @Test func emptyTokenSetIsNotAScope() {
        #expect(Scope(tokens: []) == nil)
        #expect(Scope(tokens: [.user])?.description == "user")
    }
}
