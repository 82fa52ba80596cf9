import DoormanCrypto
import DoormanHTTP

/// The browser side of Doorman: sign-in, sign-out, consent, the authorization endpoint, the hub and the seller
/// dashboard.
///
/// Routes:
/// - `GET /`: the hub home, with the signed-in user's products and their web apps.
/// - `GET /signup`, `POST /signup`: the sign-up form; `return_to` must be a local path.
/// - `GET /products/:id`, `POST /products/:id/purchase`: a product's page and its purchase form.
/// - `GET /hub/memberships/:id`: a membership's page, for its holder only.
/// - `POST /hub/webapps/:id/open`: opens a web app with a launch code at its first callback URL.
/// - `GET /dashboard` and the routes under it: the seller dashboard, listed in `DashboardRoutes`.
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
    ///   - passwordHasher: Verifies passwords at sign-in and hashes them at sign-up. Production keeps the default
    ///     interactive limits; tests pass `PasswordHasher(limits: .minimum)` to stay fast.
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

        router.get("/login", use: handler.wrap(signIn.showForm))
        router.post("/login", use: handler.wrap(signIn.submit))
        router.post("/logout", use: handler.wrap(signIn.signOut))
        router.get("/oauth", use: handler.wrap(authorize.show))
        router.get(AuthorizeRoutes.path, use: handler.wrap(authorize.show))
        router.post(AuthorizeRoutes.path, use: handler.wrap(authorize.decide))
        router.get(PageLayout.stylesheetPath) { _ in Stylesheet.response() }
        HubRoutes.register(
            on: &router, context: context, sessions: sessions, handler: handler, passwordHasher: passwordHasher)
        DashboardRoutes.register(on: &router, context: context, sessions: sessions, handler: handler)
    }
}
