import DoormanOAuth

/// The markup of the consent page, where a signed-in user allows or denies a web app.
enum ConsentPage {
    /// Returns the consent page for a validated request.
    ///
    /// The form carries the request's parameters in hidden fields, and the handler validates them again on
    /// POST, so a changed field cannot widen what the user approved.
    static func render(
        _ authorization: ValidatedAuthorization, username: String, companyName: String?, csrfToken: String
    ) -> HTML {
        let client = authorization.client
        let seller = companyName.map { (name: String) -> HTML in " by <strong>\(name)</strong>" } ?? .empty
        let permissions = permissions(for: authorization.scope).map { line -> HTML in "<li>\(line)</li>" }
        let hiddenFields = authorization.formParameters.map { pair in
            PageLayout.hiddenField(name: pair.name, value: pair.value)
        }

        return PageLayout.document(
            title: "Allow \(client.name)?",
            body: """
                <h1>Allow <strong>\(client.name)</strong>?</h1>
                <p><strong>\(client.name)</strong>\(seller) wants to use your Doorman account \
                <strong>\(username)</strong>. It will be able to:</p>
                <ul class="scopes">
                \(permissions)
                </ul>
                <p class="muted">Afterwards you go back to \(origin(of: authorization.redirectURI)).</p>
                <form method="post" action="\(AuthorizeRoutes.path)">
                \(PageLayout.csrfField(csrfToken))
                \(hiddenFields)
                <div class="actions">
                <button type="submit" name="decision" value="\(AuthorizeRoutes.Decision.allow.rawValue)">Allow</button>
                <button type="submit" name="decision" value="\(AuthorizeRoutes.Decision.deny.rawValue)" \
                class="secondary">Deny</button>
                </div>
                </form>
                """)
    }

    /// Returns what `scope` lets a web app do, in plain words, one line per permission and each line once.
    ///
    /// In this version `api`, `read_user` and `user` grant the same reads, so they share their lines.
    static func permissions(for scope: Scope) -> [String] {
        var lines: [String] = []
        for token in scope.tokens.sorted() {
            let added: [String] =
                switch token {
                case .openid: ["Confirm who you are."]
                case .api, .readUser, .user:
                    [
                        "See your profile: username, name, email address and profile picture.",
                        "See your memberships and the products you hold.",
                    ]
                }
            for line in added where !lines.contains(line) {
                lines.append(line)
            }
        }
        return lines
    }

    /// Returns `scheme://host[:port]` of a registered redirect URI, the site the user returns to.
    static func origin(of uri: String) -> String {
        let bytes = Array(uri.utf8)
        let schemeEnd = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.endIndex
        let authorityStart = min(schemeEnd + 3, bytes.endIndex)
        let end = bytes[authorityStart...].firstIndex {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
        }
        return String(decoding: bytes[..<(end ?? bytes.endIndex)], as: UTF8.self)
    }
}
