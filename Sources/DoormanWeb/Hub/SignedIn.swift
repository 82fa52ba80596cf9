import DoormanHTTP
import DoormanOAuth

/// A page request's session together with its signed-in user.
struct SignedIn: Sendable {
    /// The session, whose CSRF token the page's forms carry.
    let session: PageSession
    /// The signed-in user.
    let user: User
}

extension SessionManager {
    /// Returns the request's session and signed-in user, or nil for a visitor who has not signed in.
    func signedIn(_ request: Request) throws(StoreError) -> SignedIn? {
        guard let session = try current(request), let user = session.user else {
            return nil
        }
        return SignedIn(session: session, user: user)
    }

    /// Checks the CSRF token of a POST and returns the session's signed-in user.
    ///
    /// Throws `PageError.formExpired` when the token or session is missing or wrong, and `PageError.signedOut`
    /// when the session has no user, such as after signing out in another tab.
    func verifySignedIn(_ form: URLEncodedForm, request: Request) throws -> SignedIn {
        let session = try CSRF.verify(form, request: request, sessions: self)
        guard let user = session.user else {
            throw PageError.signedOut
        }
        return SignedIn(session: session, user: user)
    }
}

extension PageError {
    /// A record that does not exist, or that belongs to another user. Both look the same, so that a page never
    /// reveals whether someone else's record exists.
    static let notFound = PageError(
        status: .notFound, title: "Page not found",
        message: "This page does not exist, or it belongs to another account. Check the link and try again.")

    /// A POST from a session whose user has signed out.
    static let signedOut = PageError(
        status: .forbidden, title: "You are signed out",
        message: "You signed out before sending this form. Sign in again and repeat what you were doing.")
}

/// Links and redirects to the sign-in and sign-up forms, which come back to a local path afterwards.
enum AccountLinks {
    /// Path of the sign-up form.
    static let signUpPath = "/signup"

    /// Returns the path of the sign-in form that comes back to `returnTo`.
    static func signIn(returnTo: String) -> String {
        "/login?" + returnQuery(returnTo)
    }

    /// Returns the path of the sign-up form that comes back to `returnTo`.
    static func signUp(returnTo: String) -> String {
        signUpPath + "?" + returnQuery(returnTo)
    }

    /// Returns a 302 redirect to the sign-in form that comes back to the path and query of `request`.
    static func signInRedirect(for request: Request) -> Response {
        PageResponse.redirect(to: signIn(returnTo: AuthorizeRoutes.pathAndQuery(of: request)), status: .found)
    }

    private static func returnQuery(_ returnTo: String) -> String {
        URLEncodedForm([URLEncodedForm.Pair(name: "return_to", value: returnTo)]).serialized()
    }
}

extension Request {
    /// Returns the path parameter `id` when it is an identifier of `kind`, else nil.
    ///
    /// A malformed identifier is treated like a missing record, so that it never reaches the store.
    func identifier(_ kind: IdentifierKind) -> String? {
        guard let value = parameters["id"], Identifier.isValid(value, kind: kind) else {
            return nil
        }
        return value
    }
}
