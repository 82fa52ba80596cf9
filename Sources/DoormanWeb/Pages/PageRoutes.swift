import DoormanCrypto
import DoormanHTTP

/// The browser side of the OAuth flow: sign-in, sign-out, consent and the authorization endpoint.
///
/// Routes:
/// - `GET /`: who is signed in, with a sign-out button.
/// - `GET /login`, `POST /login`: the sign-in form; `return_to` must be a local path.
/// - `POST /logout`: ends the session.
/// - `GET /oauth`, `GET /oauth/authorize`: the authorization endpoint.
/// - `POST /oauth/authorize`: the consent form's Allow or Deny.
/// - `GET /assets/doorman.css`: the stylesheet.
///
/// Every page and every redirect of these routes carries `PageSecurityHeaders`, and every POST must carry
/// the session's CSRF token.
public enum PageRoutes {
    /// Adds the page routes to `router`.
    ///
    /// - Parameters:
    ///   - passwordHasher: Verifies passwords at sign-in. Production keeps the default interactive limits;
    ///     tests pass `PasswordHasher(limits: .minimum)` to stay fast.
    public static func register(
        on router: inout Router, context: WebContext,
        passwordHasher: PasswordHasher = PasswordHasher(limits: .interactive)
    ) {
        let sessions = SessionManager(context: context)
        let signIn = SignInRoutes(
            context: context, sessions: sessions,
            passwords: PasswordCheck(store: context.store, hasher: passwordHasher, random: context.random))
        let authorize = AuthorizeRoutes(context: context, sessions: sessions)
        let handler = PageHandler(logger: context.logger)

        router.get("/", use: handler.wrap(signIn.home))
        router.get("/login", use: handler.wrap(signIn.showForm))
        router.post("/login", use: handler.wrap(signIn.submit))
        router.post("/logout", use: handler.wrap(signIn.signOut))
        router.get("/oauth", use: handler.wrap(authorize.show))
        router.get(AuthorizeRoutes.path, use: handler.wrap(authorize.show))
        router.post(AuthorizeRoutes.path, use: handler.wrap(authorize.decide))
        router.get(PageLayout.stylesheetPath) { _ in Stylesheet.response() }
    }
}
