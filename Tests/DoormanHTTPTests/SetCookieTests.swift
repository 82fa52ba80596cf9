import Testing

import DoormanHTTP

@Suite struct SetCookieTests {
    @Test func rendersSecureDefaults() {
        let cookie = SetCookie(name: "sid", value: "abc")
        #expect(cookie.headerValue == "sid=abc; Path=/; HttpOnly; Secure; SameSite=Lax")
        #expect(cookie.description == cookie.headerValue)
    }

    @Test func rendersEveryAttribute() {
        let cookie = SetCookie(
            name: "sid",
            value: "v1.x",
            path: "/oauth",
            domain: "auth.example.com",
            maxAge: 3600,
            expires: 784_111_777,
            httpOnly: true,
            secure: true,
            sameSite: .strict
        )
        let expected =
            "sid=v1.x; Path=/oauth; Domain=auth.example.com; Max-Age=3600; "
            + "Expires=Sun, 06 Nov 1994 08:49:37 GMT; HttpOnly; Secure; SameSite=Strict"
        #expect(cookie.headerValue == expected)
    }

    @Test func rendersWithoutAttributes() {
        let cookie = SetCookie(name: "a", value: "b", path: nil, httpOnly: false, secure: false, sameSite: nil)
        #expect(cookie.headerValue == "a=b")
    }

    @Test func rendersDeletionCookie() {
        let cookie = SetCookie(name: "sid", value: "", maxAge: 0, expires: 0)
        let expected = "sid=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax"
        #expect(cookie.headerValue == expected)
    }

    @Test func rendersSameSiteNoneWithSecure() {
        let cookie = SetCookie(name: "a", value: "b", sameSite: SetCookie.SameSite.none)
        #expect(cookie.headerValue.hasSuffix("; Secure; SameSite=None"))
    }

    @Test func acceptsHostPrefixWithRequiredAttributes() {
        let cookie = SetCookie(name: "__Host-sid", value: "x")
        #expect(cookie.headerValue.hasPrefix("__Host-sid=x; Path=/"))
    }

    @Test func renderedCookieParsesBack() {
        let cookie = SetCookie(name: "sid", value: "A1b2-C3_d4.e5~")
        let nameAndValue = String(cookie.headerValue.prefix { $0 != ";" })
        #expect(Cookies.parse(nameAndValue).value("sid") == "A1b2-C3_d4.e5~")
    }

    @Test func rejectsEmptyName() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "", value: "x")
        }
    }

    @Test func rejectsNameWithSeparator() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "a=b", value: "x")
        }
    }

    @Test func rejectsValueWithSpace() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "a", value: "x y")
        }
    }

    @Test func rejectsValueWithSemicolon() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "a", value: "x;Domain=evil.example")
        }
    }

    @Test func rejectsPathWithSemicolon() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "a", value: "x", path: "/;Secure")
        }
    }

    @Test func rejectsInvalidDomain() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "a", value: "x", domain: "evil.example; Path=/")
        }
    }

    @Test func rejectsSameSiteNoneWithoutSecure() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "a", value: "x", secure: false, sameSite: SetCookie.SameSite.none)
        }
    }

    @Test func rejectsHostPrefixWithDomain() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "__Host-a", value: "x", domain: "example.com")
        }
    }

    @Test func rejectsSecurePrefixWithoutSecure() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "__Secure-a", value: "x", secure: false)
        }
    }

    @Test func rejectsNegativeExpires() async {
        await #expect(processExitsWith: .failure) {
            _ = SetCookie(name: "a", value: "x", expires: -1)
        }
    }
}
