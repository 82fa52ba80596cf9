import DoormanHTTP
import DoormanStorage
import DoormanWeb
import Foundation
import Logging

/// Every route Doorman serves, in one place.
enum Routes {
    /// Builds the router: the health check, the OAuth endpoints and v5 API, and the browser pages, all on one
    /// `SQLiteStore` over `database` with the system clock and the default `OAuthSettings`. `publicURL` is the
    /// issuer and the base of absolute URLs; when it is `https`, every response carries
    /// `Strict-Transport-Security`.
    static func make(
        database: SQLiteDatabase, logger: Logger, publicURL: PublicBaseURL = PublicBaseURL(WebContext.defaultPublicURL)
    ) -> Router {
        let context = WebContext(
            store: SQLiteStore(database: database), now: { Int64(Date().timeIntervalSince1970) }, logger: logger,
            publicURL: publicURL)

        var router = Router()
        router.use(StrictTransportSecurity(publicURL: publicURL))
        HealthRoutes.register(on: &router)
        APIRoutes.register(on: &router, context: context)
        PageRoutes.register(on: &router, context: context)
        return router
    }
}
