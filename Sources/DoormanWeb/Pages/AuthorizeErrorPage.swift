import DoormanHTTP
import DoormanOAuth

/// The page for an authorization request whose client or redirect URI cannot be trusted.
///
/// Such errors are never redirected, because the redirect target itself is what failed (RFC 6749 section
/// 4.1.2.1): the page explains the problem to the person in the browser instead.
enum AuthorizeErrorPage {
    /// Returns the error page with status 400.
    static func response(for error: OAuthError) -> Response {
        let page = PageLayout.document(
            title: "This sign-in link does not work",
            body: """
                <h1>This sign-in link does not work</h1>
                <p class="error">\(explanation(for: error))</p>
                <p>Go back to the app and start signing in again. If this keeps happening, tell the app's \
                developer what this page says.</p>
                <p class="muted">Error <code>\(error.code.rawValue)</code>: \(error.description)</p>
                """)
        return PageResponse.page(page, status: .badRequest)
    }

    /// Returns the problem in plain words.
    static func explanation(for error: OAuthError) -> String {
        switch error.code {
        case .invalidClient:
            "The app that sent you here is not registered with Doorman, so Doorman cannot sign you in to it."
        case .invalidRedirectURI:
            "The app asked Doorman to send you back to an address that the app has not registered. "
                + "To protect your account, Doorman does not go there."
        default:
            "The link that brought you here is incomplete or malformed, "
                + "so Doorman cannot tell which app is asking or where to send you back."
        }
    }
}
