import DoormanHTTP

/// Doorman's one stylesheet, served from `PageLayout.stylesheetPath` because the pages' content security
/// policy allows styles only from this origin.
enum Stylesheet {
    /// Returns the stylesheet response. Browsers may cache it for an hour.
    static func response() -> Response {
        Response(
            status: .ok,
            headers: [
                "Content-Type": "text/css; charset=utf-8",
                "Cache-Control": "public, max-age=3600",
                "X-Content-Type-Options": "nosniff",
            ],
            body: Array(text.utf8))
    }

    static let text = """
        *, *::before, *::after { box-sizing: border-box; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
        body { margin: 0; background: #f4f5f7; color: #1d2330; }
        main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 0.75rem;
          box-shadow: 0 1px 3px rgba(0, 0, 0, 0.12); }
        @media (max-width: 30rem) { main { margin: 0; border-radius: 0; min-height: 100vh; } }
        h1 { font-size: 1.5rem; margin: 0 0 1rem; }
        p { margin: 0 0 1rem; }
        label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
        input[type="text"], input[type="password"] { width: 100%; padding: 0.6rem; font-size: 1rem;
          border: 1px solid #b8bfcc; border-radius: 0.4rem; }
        button { font-size: 1rem; padding: 0.6rem 1.2rem; border-radius: 0.4rem; border: 1px solid #2f54eb;
          background: #2f54eb; color: #fff; cursor: pointer; margin-top: 1.25rem; }
        button.secondary { background: #fff; color: #2f54eb; }
        .actions { display: flex; gap: 0.75rem; flex-wrap: wrap; }
        .error { padding: 0.75rem; border-radius: 0.4rem; background: #fdecea; color: #8a1c12; }
        .muted { color: #5b6478; font-size: 0.9rem; }
        ul.scopes { padding-left: 1.25rem; }
        code { font-size: 0.9rem; background: #eef0f4; padding: 0 0.25rem; border-radius: 0.25rem; }
        main.wide { max-width: 48rem; }
        h2 { font-size: 1.2rem; margin: 1.75rem 0 0.75rem; }
        h3 { font-size: 1.05rem; margin: 0 0 0.25rem; }
        a { color: #2f54eb; }
        nav.site { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0 0 1.25rem;
          padding-bottom: 0.75rem; border-bottom: 1px solid #e3e6ec; }
        nav.site form { margin-left: auto; }
        nav.site button { margin-top: 0; padding: 0.3rem 0.8rem; font-size: 0.9rem; }
        input[type="email"], input[type="url"], input[type="number"], select { width: 100%; padding: 0.6rem;
          font-size: 1rem; border: 1px solid #b8bfcc; border-radius: 0.4rem; background: #fff; }
        input[aria-invalid="true"] { border-color: #c0392b; }
        .field-error { color: #8a1c12; font-size: 0.9rem; margin: 0.25rem 0 0; }
        .hint { color: #5b6478; font-size: 0.85rem; margin: 0.25rem 0 0; }
        ul.cards { list-style: none; padding: 0; margin: 0 0 1rem; }
        ul.cards > li { border: 1px solid #e3e6ec; border-radius: 0.5rem; padding: 0.9rem; margin-bottom: 0.75rem; }
        ul.cards form { display: inline-block; margin-right: 0.5rem; }
        ul.cards button { margin-top: 0.5rem; padding: 0.4rem 1rem; }
        ul.apps { padding-left: 1.25rem; margin: 0.5rem 0 0; }
        ul.apps li { margin-bottom: 0.4rem; }
        ul.apps form { display: inline-block; margin-left: 0.5rem; }
        ul.apps button { margin-top: 0; padding: 0.3rem 0.9rem; }
        .badge { display: inline-block; font-size: 0.8rem; font-weight: 600; padding: 0 0.5rem; border-radius: 1rem;
          background: #eef0f4; color: #1d2330; }
        .badge.valid { background: #e3f5e8; color: #1b5e2d; }
        .badge.invalid { background: #fdecea; color: #8a1c12; }
        .notice { padding: 0.75rem; border-radius: 0.4rem; background: #fff6e0; color: #5c4400; }
        .secret { padding: 0.75rem; border-radius: 0.4rem; background: #e3f5e8; color: #1b5e2d; }
        .secret code, dl.facts dd { word-break: break-all; }
        dl.facts { margin: 0 0 1rem; }
        dl.facts dt { font-weight: 600; margin-top: 0.5rem; }
        dl.facts dd { margin: 0; }

        """
}
