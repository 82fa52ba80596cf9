/// The width of a page's main column.
enum PageWidth {
    /// A column for one form, such as sign-in or consent.
    case narrow
    /// A column for lists, such as the hub and the seller dashboard.
    case wide
}

/// The frame around every page: document head, stylesheet and the main column.
enum PageLayout {
    /// Path of the stylesheet that every page links.
    static let stylesheetPath = "/assets/doorman.css"

    /// Returns a complete document whose `<title>` is `title` followed by the product name.
    static func document(title: String, body: HTML, width: PageWidth = .narrow) -> HTML {
        let main: HTML = width == .wide ? "<main class=\"wide\">" : "<main>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(title) · Doorman</title>
            <link rel="stylesheet" href="\(stylesheetPath)">
            </head>
            <body>
            \(main)
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// Returns the hidden field that carries the session's CSRF token in a form.
    static func csrfField(_ token: String) -> HTML {
        "<input type=\"hidden\" name=\"\(CSRF.fieldName)\" value=\"\(token)\">"
    }

    /// Returns a hidden field.
    static func hiddenField(name: String, value: String) -> HTML {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
    }
}
