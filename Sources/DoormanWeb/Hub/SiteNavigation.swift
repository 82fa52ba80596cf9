import DoormanOAuth

/// The bar at the top of the hub and dashboard pages: where to go and who is signed in.
enum SiteNavigation {
    /// Returns the bar for `signedIn`, or the sign-in and sign-up links for a visitor.
    static func bar(_ signedIn: SignedIn?) -> HTML {
        guard let signedIn else {
            return """
                <nav class="site">
                <a href="/">Hub</a>
                <a href="/login">Sign in</a>
                <a href="\(AccountLinks.signUpPath)">Sign up</a>
                </nav>
                """
        }
        return """
            <nav class="site">
            <a href="/">Hub</a>
            <a href="\(DashboardPaths.home)">Dashboard</a>
            <span class="muted">\(signedIn.user.username)</span>
            <form method="post" action="/logout">
            \(PageLayout.csrfField(signedIn.session.csrfToken))
            <button type="submit" class="secondary">Sign out</button>
            </form>
            </nav>
            """
    }
}
