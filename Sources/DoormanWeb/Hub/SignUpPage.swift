/// The markup of the sign-up form.
enum SignUpPage {
    /// Returns the form with the values of `fields`, except the password, and their messages.
    ///
    /// - Parameters:
    ///   - csrfToken: The session's CSRF token.
    ///   - returnTo: A local path from `ReturnPath.sanitize`, where the browser goes after signing up.
    static func render(_ fields: SignUpForm, csrfToken: String, returnTo: String) -> HTML {
        let usernameAttributes: HTML = "autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required"
        return PageLayout.document(
            title: "Create an account",
            body: """
                <h1>Create an account</h1>
                <form method="post" action="\(AccountLinks.signUpPath)">
                \(PageLayout.csrfField(csrfToken))
                \(PageLayout.hiddenField(name: "return_to", value: returnTo))
                \(FormField.input(
                    id: "username", name: "username", label: "Username", value: fields.username,
                    error: fields.errors["username"], attributes: usernameAttributes))
                \(FormField.input(
                    id: "password", name: "password", label: "Password", type: "password",
                    error: fields.errors["password"],
                    hint: "At least \(SignUpForm.minimumPasswordLength) characters.",
                    attributes: "autocomplete=\"new-password\" required"))
                \(FormField.input(
                    id: "name", name: "name", label: "Name (optional)", value: fields.name,
                    error: fields.errors["name"], attributes: "autocomplete=\"name\""))
                \(FormField.input(
                    id: "email", name: "email", label: "Email (optional)", type: "email", value: fields.email,
                    error: fields.errors["email"], attributes: "autocomplete=\"email\""))
                <button type="submit">Create account</button>
                </form>
                <p class="muted">Already have an account? \
                <a href="\(AccountLinks.signIn(returnTo: returnTo))">Sign in</a>.</p>
                """)
    }
}
