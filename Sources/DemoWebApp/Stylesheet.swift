import DoormanHTTP

/// The app's one stylesheet, served from its own origin because the content security policy allows no
/// inline styles.
enum Stylesheet {
    /// The path every page links.
    static let path = "/assets/demo.css"

    /// Returns the stylesheet. Browsers may cache it for an hour.
    static func response() -> Response {
        Response(
            status: .ok,
            headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"],
            body: Array(text.utf8))
    }

    static let text = """
        *, *::before, *::after { box-sizing: border-box; }
        html { font-family: Georgia, "Times New Roman", serif; line-height: 1.55; }
        body { margin: 0; background: #fbf7ef; color: #2b2118; }
        header { background: #3d2c1e; color: #f6e9d2; padding: 0.9rem 1.5rem; font-weight: bold;
          letter-spacing: 0.02em; }
        main { max-width: 34rem; margin: 2.5rem auto; padding: 1.75rem; background: #fff;
          border: 1px solid #e6dccb; border-radius: 0.6rem; }
        h1 { font-size: 1.6rem; margin: 0 0 1rem; }
        p { margin: 0 0 1rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0 0 1.25rem; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        button, a.button { display: inline-block; font: inherit; font-size: 1rem; padding: 0.55rem 1.1rem;
          border-radius: 0.4rem; border: 1px solid #8a4b14; background: #8a4b14; color: #fff; cursor: pointer;
          text-decoration: none; }
        button.secondary { background: #fff; color: #8a4b14; }
        form { margin: 0 0 1rem; }
        .badge { display: inline-block; padding: 0 0.5rem; border-radius: 0.3rem; background: #e3f3e1;
          color: #1f5b1a; }
        .error { padding: 0.75rem; border-radius: 0.4rem; background: #fdecea; color: #8a1c12; }
        .muted { color: #6d5f50; font-size: 0.9rem; }

        """
}
