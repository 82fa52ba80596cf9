import DoormanHTTP

/// A failure that a page route shows to the person in the browser as an HTML page.
struct PageError: Error, Sendable {
    /// The status of the error page.
    let status: HTTPStatus
    /// The page title and heading.
    let title: String
    /// What happened and what to do, in plain words.
    let message: String

    /// The form's CSRF token is missing or wrong, or its session has ended.
    static let formExpired = PageError(
        status: .forbidden, title: "This form has expired",
        message: "This form has expired or was not sent from this site. Reload the page and try again.")

    /// The body of a POST is not a form.
    static let unreadableForm = PageError(
        status: .badRequest, title: "The form could not be read",
        message: "The form arrived in a shape this site does not accept. Reload the page and try again.")

    /// The consent form carried neither Allow nor Deny, or both.
    static let missingDecision = PageError(
        status: .badRequest, title: "No choice was made",
        message: "The form did not say whether to allow or deny access. Go back to the app and start again.")

    /// The store failed.
    static let internalFailure = PageError(
        status: .internalServerError, title: "Something went wrong",
        message: "Something went wrong on our side. Try again in a moment.")

    /// The store is unreachable or busy.
    static let unavailable = PageError(
        status: .serviceUnavailable, title: "Doorman is busy",
        message: "Doorman cannot handle the request right now. Try again in a moment.")

    /// Returns the page that shows this error.
    func response() -> Response {
        PageResponse.page(
            PageLayout.document(title: title, body: "<h1>\(title)</h1>\n<p class=\"error\">\(message)</p>"),
            status: status)
    }
}
