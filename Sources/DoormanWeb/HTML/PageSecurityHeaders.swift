import DoormanHTTP

/// The security header fields that every page, and every redirect a page route sends, carries.
///
/// Page routes apply them through `PageResponse`, and `PageHandler` applies them to error pages too, so no
/// response of a page route goes out without them. They are not a router-wide middleware because the JSON API
/// shares the router and needs its own headers.
public enum PageSecurityHeaders {
    /// The `Content-Security-Policy` of every page.
    ///
    /// `default-src 'none'` with no `script-src` means no script runs at all, inline or not. Styles come
    /// only from Doorman's own stylesheet, and `frame-ancestors 'none'` stops other sites from framing the
    /// sign-in and consent pages (RFC 9700 section 4.16).
    ///
    /// There is deliberately no `form-action` directive. Chromium and Safari check `form-action` against
    /// every redirect that follows a form submission, not only against the form's `action`. The consent
    /// form and the sign-in form end in a redirect to the web app's callback, which may itself redirect to
    /// another origin, so any list of allowed targets would break sign-in in those browsers. Every form
    /// posts to a fixed path on this origin, and every value on a page is escaped by `HTML`, which is what
    /// keeps injected forms out.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'"

    /// The fields, in the order they are added.
    public static let fields: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        // Pages contain forms with a session's CSRF token or personal data, and redirects may carry a code.
        // `Pragma` is for HTTP/1.0 caches, which RFC 6749 section 5.1 also requires on responses with credentials.
        ("Cache-Control", "no-store"),
        ("Pragma", "no-cache"),
    ]

    /// Sets every field on `response`, replacing any earlier value of the same name.
    public static func apply(to response: inout Response) {
        for field in fields {
            response.headers.replaceOrAdd(name: field.name, value: field.value)
        }
    }
}

/// Responses of page routes, with the security header fields already applied.
public enum PageResponse {
    /// Returns an HTML page.
    public static func page(_ markup: HTML, status: HTTPStatus = .ok) -> Response {
        var response = Response(
            status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: markup.bytes)
        PageSecurityHeaders.apply(to: &response)
        return response
    }

    /// Returns a redirect to `location`, which must be a validated URL: a registered redirect URI or a local path.
    ///
    /// Use `.found` (302) after a GET and `.seeOther` (303) after a POST, so that the browser never repeats
    /// a form submission with its credentials at the target (RFC 9700 section 4.12).
    public static func redirect(to location: String, status: HTTPStatus) -> Response {
        var response = Response(status: status, headers: ["Location": location])
        PageSecurityHeaders.apply(to: &response)
        return response
    }
}
