import DoormanCrypto
import DoormanHTTP
import DoormanOAuth

/// The check that a POST comes from a form Doorman rendered for the same browser session
/// (RFC 6749 section 10.12).
///
/// Each session has a random token. Every form carries it in a hidden field, and every POST must send it
/// back: another site can make the browser post with the session cookie, but it cannot read the token.
/// `SameSite=Lax` on the cookie is a second barrier. The `Origin` header is not checked, because the pages'
/// `Referrer-Policy: no-referrer` makes browsers send `Origin: null` even for same-origin posts.
enum CSRF {
    /// The form field that carries the token.
    static let fieldName = "csrf_token"

    /// Returns the request's session when `form` carries its CSRF token exactly once.
    ///
    /// Throws `PageError.formExpired` when the session is missing or expired, or the token is missing,
    /// repeated or wrong. The token is compared in constant time.
    static func verify(_ form: URLEncodedForm, request: Request, sessions: SessionManager) throws -> PageSession {
        let sent = form.values(fieldName)
        guard let session = try sessions.current(request), sent.count == 1, let token = sent.first,
            ConstantTime.equals(token, session.csrfToken)
        else {
            throw PageError.formExpired
        }
        return session
    }
}
