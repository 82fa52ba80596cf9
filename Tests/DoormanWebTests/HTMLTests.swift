import DoormanHTTP
import DoormanWeb
import Testing

@Suite("HTML escaping and layout", .serialized)
struct HTMLTests {
    @Test(
        "escape replaces each special character",
        arguments: [
            ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;"),
            ("plain text", "plain text"), ("Grüße ✓", "Grüße ✓"),
            ("<a href=\"x\" title='y'>&</a>", "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"),
        ])
    func escapeCharacters(input: String, expected: String) {
        #expect(HTML.escape(input) == expected)
    }

    @Test("interpolated strings are escaped")
    func interpolatedStringEscaped() {
        let name = "<script>alert('x')</script>"
        let page: HTML = "<p>\(name)</p>"
        #expect(page.description == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>")
    }

    @Test("interpolated fragments pass unchanged")
    func interpolatedFragmentKept() {
        let bold: HTML = "<b>\("a&b")</b>"
        let page: HTML = "<p>\(bold) \([bold, bold]) \(3)</p>"
        #expect(page.description == "<p><b>a&amp;b</b> <b>a&amp;b</b><b>a&amp;b</b> 3</p>")
    }

    @Test("attribute values cannot break out of quotes")
    func attributeValueEscaped() {
        let value = "x\" onfocus=\"alert(1)"
        let input: HTML = "<input value=\"\(value)\">"
        #expect(input.description == "<input value=\"x&quot; onfocus=&quot;alert(1)\">")
    }

    @Test("escaping initializer escapes")
    func escapingInitializer() {
        #expect(HTML(escaping: "1 < 2").description == "1 &lt; 2")
        #expect(HTML(joining: ["<br>", HTML(escaping: "&")]).description == "<br>&amp;")
    }

    @Test("stylesheet is served as CSS")
    func stylesheetServed() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/assets/doorman.css") }

        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "text/css; charset=utf-8")
        #expect(reply.header("X-Content-Type-Options") == "nosniff")
        #expect(reply.text.contains("main {"))
    }

    @Test("pages link the stylesheet and fit phones")
    func layoutHead() async throws {
        let fixture = try PageFixture()
        let reply = try await fixture.withClient { client in try await client.get("/login") }

        #expect(reply.text.hasPrefix("<!DOCTYPE html>"))
        #expect(reply.text.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(reply.text.contains("<link rel=\"stylesheet\" href=\"/assets/doorman.css\">"))
        #expect(reply.text.contains("<title>Sign in · Doorman</title>"))
        #expect(!reply.text.contains("<script"))
        #expect(!reply.text.contains("style="))
    }
}
