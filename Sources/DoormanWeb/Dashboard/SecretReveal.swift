import DoormanCrypto
import DoormanHTTP
import DoormanOAuth

/// Carries a new client secret from the POST that made it to the one page view that shows it.
///
/// Every POST of the dashboard ends in a 303 redirect, so the secret cannot be in the POST's own response.
/// Doorman keeps only the secret's hash, and no store table keeps it for later, so the secret travels in a
/// cookie: `HttpOnly`, `SameSite=Strict`, limited to the web app's page by its path, and expiring after
/// `lifetime` seconds. The page deletes the cookie when it reads it, so a reload or a second visit no longer
/// shows the secret. It shows the value only when its hash is the web app's current secret hash, so a stale or
/// planted cookie shows nothing.
enum SecretReveal {
    /// The cookie name.
    static let cookieName = "doorman_new_client_secret"

    /// Seconds the cookie lives if the page never reads it, which is ample for following one redirect.
    static let lifetime = 60

    /// Returns the `Set-Cookie` value that carries `secret` to the page of web app `webAppID`.
    static func setting(_ secret: String, webAppID: String, context: WebContext) -> String {
        SetCookie(
            name: cookieName, value: secret, path: DashboardPaths.webApp(webAppID), maxAge: lifetime, httpOnly: true,
            secure: context.settings.secureCookies, sameSite: .strict
        ).headerValue
    }

    /// Returns the secret that the request's cookie carries when it is `webApp`'s current secret, and the
    /// `Set-Cookie` value that deletes the cookie whenever the request had one.
    static func take(from request: Request, for webApp: WebApp, context: WebContext)
        -> (secret: String?, clearCookie: String?)
    {
        let header = request.headers.values(for: "Cookie").joined(separator: "; ")
        guard let value = Cookies.parse(header).value(cookieName) else {
            return (nil, nil)
        }

        let clearCookie = SetCookie(
            name: cookieName, value: "", path: DashboardPaths.webApp(webApp.id), maxAge: 0, httpOnly: true,
            secure: context.settings.secureCookies, sameSite: .strict
        ).headerValue
        guard let storedHash = webApp.clientSecretHash, ConstantTime.equals(TokenHash.of(value), storedHash) else {
            return (nil, clearCookie)
        }
        return (value, clearCookie)
    }
}
