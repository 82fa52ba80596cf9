/// The markup of the sign-in form.
enum SignInPage {
    /// The message for every failed sign-in, the same for an unknown user and a wrong password.
    static let failureMessage = "Wrong username or password."

    /// Returns the sign-in page.
    ///
    /// - Parameters:
    ///   - csrfToken: The session's CSRF token.
    ///   - returnTo: A local path from `ReturnPath.sanitize`.
    ///   - username: The username to fill in again after a failure.
    ///   - failed: Whether to show `failureMessage`.
    static func render(csrfToken: String, returnTo: String, username: String = "", failed: Bool = false) -> HTML {
        let message: HTML = failed ? "<p class=\"error\" role=\"alert\">\(failureMessage)</p>" : .empty
        return PageLayout.document(
            title: "Sign in",
            body: """
                <h1>Sign in</h1>
                \(message)
                <form method="post" action="/login">
                \(PageLayout.csrfField(csrfToken))
                \(PageLayout.hiddenField(name: "return_to", value: returnTo))
                <label for="username">Username</label>
                <input id="username" name="username" type="text" value="\(username)" autocomplete="username" \
                autocapitalize="none" spellcheck="false" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Sign in</button>
                </form>
                <p class="muted">New here? \
                <a href="\(AccountLinks.signUp(returnTo: returnTo))">Create an account</a>.</p>
                """)
    }
}
