import DoormanCrypto
import DoormanHTTP
import DoormanOAuth

/// The sign-up form, which creates a user and signs it in.
struct SignUpRoutes: Sendable {
    let context: WebContext
    let sessions: SessionManager
    let hasher: PasswordHasher

    /// `GET /signup`: the form, or straight on to `return_to` for a user who is signed in already.
    func showForm(_ request: Request) throws -> Response {
        let returnTo = ReturnPath.sanitize(request.query.value("return_to"))
        let (session, setCookie) = try sessions.currentOrNew(request)
        if session.user != nil {
            return PageResponse.redirect(to: returnTo, status: .found)
        }

        var response = PageResponse.page(
            SignUpPage.render(SignUpForm(), csrfToken: session.csrfToken, returnTo: returnTo))
        if let setCookie {
            response.headers.add(name: "Set-Cookie", value: setCookie)
        }
        return response
    }

    /// `POST /signup`: checks the fields, creates the user, starts a new session as sign-in does and redirects
    /// to `return_to` with 303. A failed rule or a taken username shows the form again with the message.
    func submit(_ request: Request) throws -> Response {
        let form = try PageForm.parse(request)
        let session = try CSRF.verify(form, request: request, sessions: sessions)
        let returnTo = ReturnPath.sanitize(form.value("return_to"))

        // NOTE: sign-ups have no rate limit yet, per client address or otherwise, and each one costs an Argon2id
        // hash and a stored user, like the sign-in form's missing limit.
        var fields = SignUpForm(form)
        guard fields.validate() else {
            return showAgain(fields, session: session, returnTo: returnTo)
        }
        let user = User(
            id: Identifier.make(.user, using: context.random), username: fields.username, name: fields.optionalName,
            email: fields.optionalEmail, passwordHash: try hasher.hash(password: fields.password))
        do throws(StoreError) {
            try context.store.createUser(user)
        } catch .conflict {
            fields.errors["username"] = "The username \(fields.username) is taken. Choose another one."
            return showAgain(fields, session: session, returnTo: returnTo)
        }

        let (_, setCookie) = try sessions.signIn(user, replacing: session)
        context.logger.audit(
            .userCreated, metadata: ["user.id": "\(user.id)", "request.id": "\(request.requestID)"])
        var response = PageResponse.redirect(to: returnTo, status: .seeOther)
        response.headers.add(name: "Set-Cookie", value: setCookie)
        return response
    }

    private func showAgain(_ fields: SignUpForm, session: PageSession, returnTo: String) -> Response {
        let page = SignUpPage.render(fields, csrfToken: session.csrfToken, returnTo: returnTo)
        return PageResponse.page(page, status: .unprocessableContent)
    }
}
