import DoormanOAuth
import Testing

struct AccountRulesTests {
    @Test(
        "username rule",
        arguments: [
            ("ada", true), ("Ada.Lovelace_1-2", true), (String(repeating: "a", count: 32), true), ("ab", false),
            (String(repeating: "a", count: 33), false), ("ada lovelace", false), ("\u{430}da", false), ("", false),
            ("ada@home", false),
        ])
    func username(value: String, isValid: Bool) {
        #expect(Username.isValid(value) == isValid)
    }

    @Test(
        "display name rule",
        arguments: [
            ("Charts & Co", true), ("<script>", true), (String(repeating: "é", count: 100), true), ("", false),
            ("   ", false), ("two\nlines", false), ("tab\there", false), (String(repeating: "x", count: 101), false),
        ])
    func displayName(value: String, isValid: Bool) {
        #expect(DisplayName.isValid(value) == isValid)
    }

    @Test(
        "email address rule",
        arguments: [
            ("ada@example.com", true), ("a.b+c@mail.example.org", true), ("ada", false), ("@example.com", false),
            ("ada@example", false), ("ada@.example.com", false), ("ada@example.com.", false),
            ("a da@example.com", false), ("ada@@example.com", false),
            (String(repeating: "a", count: 243) + "@example.com", false),
        ])
    func emailAddress(value: String, isValid: Bool) {
        #expect(EmailAddress.isValid(value) == isValid)
    }
}
