import DoormanClient
import DoormanHTTP
import Foundation

/// The app's HTML pages. Every value from Doorman or the request is escaped by `Markup`.
enum DemoPages {
    /// The site's name, shown in the header and the titles.
    static let siteName = "Demo Course Site"

    /// The security header fields of every response. The content security policy allows no script at all and
    /// styles only from `Stylesheet.path`. It has no `form-action`, because Chromium checks that directive
    /// against the redirect to Doorman that follows `POST /login`.
    static let securityFields: [(name: String, value: String)] = [
        ("Referrer-Policy", "no-referrer"),
        ("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
    ]

    /// Returns an HTML response. Pages show personal data, so no cache may keep them.
    static func response(_ body: Markup, title: String, status: HTTPStatus = .ok) -> Response {
        let document: Markup = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(siteName)</title>
            <link rel="stylesheet" href="\(Stylesheet.path)">
            </head>
            <body>
            <header>\(siteName)</header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
        return Response(
            status: status,
            headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"],
            body: Array(document.description.utf8))
    }

    /// Returns the start page for a signed-out visitor.
    static func home() -> Response {
        let body: Markup = """
            <h1>Welcome</h1>
            <p>This course is for members. Sign in with your Doorman account, or open this web app from the \
            Doorman hub.</p>
            \(signInButton)
            """
        return response(body, title: "Welcome")
    }

    /// Returns the members-only page for a user with a valid membership of the product.
    static func members(user: User, membership: Membership) -> Response {
        let body: Markup = """
            <h1>Members only</h1>
            <p>Welcome, <strong>\(displayName(user))</strong> <span class="muted">(@\(user.username))</span>.</p>
            <p>Your membership gives you access to this course.</p>
            <dl>
            <dt>Product</dt><dd>\(membership.productID)</dd>
            <dt>Membership</dt><dd>\(membership.id)</dd>
            <dt>Status</dt><dd>\(membership.status.rawValue)</dd>
            <dt>Valid</dt><dd><span class="badge">\(membership.valid ? "yes" : "no")</span></dd>
            <dt>Period ends</dt><dd>\(periodEnd(of: membership))</dd>
            </dl>
            \(signOutButton)
            """
        return response(body, title: "Members only")
    }

    /// Returns the page for a signed-in user without a valid membership of the product.
    static func purchaseRequired(user: User, productID: String, productPageURL: String) -> Response {
        let body: Markup = """
            <h1>Purchase required</h1>
            <p>You are signed in as <strong>\(displayName(user))</strong> \
            <span class="muted">(@\(user.username))</span>, but your account has no valid membership of \
            <code>\(productID)</code>.</p>
            <p><a class="button" href="\(productPageURL)">View the product on the hub</a></p>
            \(signOutButton)
            """
        return response(body, title: "Purchase required", status: .forbidden)
    }

    /// Returns the page for a callback with `access_denied`: Doorman found no valid membership of a product that this
    /// web app serves, or the user pressed Deny. The page signs no one in.
    static func accessDenied(productID: String, productPageURL: String) -> Response {
        let body: Markup = """
            <h1>Purchase required</h1>
            <p>Doorman did not sign you in. This course is for members of <code>\(productID)</code>, and your \
            account has no valid membership of it.</p>
            <p><a class="button" href="\(productPageURL)">View the product on the hub</a></p>
            <p class="muted">If you pressed Deny on Doorman's page, sign in again and press Allow.</p>
            \(signInButton)
            """
        return response(body, title: "Purchase required", status: .forbidden)
    }

    /// Returns a page that explains why sign-in or a page failed, with a way to start again. It signs no one in.
    static func error(title: String, message: String, status: HTTPStatus) -> Response {
        let body: Markup = """
            <h1>\(title)</h1>
            <p class="error">\(message)</p>
            \(signInButton)
            <p><a href="/">Back to the start page</a></p>
            """
        return response(body, title: title, status: status)
    }

    static let signInButton: Markup = """
        <form method="post" action="/login"><button type="submit">Sign in with Doorman</button></form>
        """

    static let signOutButton: Markup = """
        <form method="post" action="/logout"><button class="secondary" type="submit">Sign out</button></form>
        """

    /// Returns the name to greet a user by: the display name, or the username when there is none.
    static func displayName(_ user: User) -> String {
        guard let name = user.name, !name.isEmpty else {
            return user.username
        }
        return name
    }

    /// Returns when the current billing period or the membership ends, in UTC, or that it has no end.
    static func periodEnd(of membership: Membership) -> String {
        guard let end = membership.renewalPeriodEnd ?? membership.expiresAt else {
            return "no end date"
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        let text = formatter.string(from: end)
        return membership.cancelAtPeriodEnd ? text + ", then the membership ends" : text
    }
}
