import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanWeb
import Foundation
import Logging

/// Every route Doorman serves, in one place.
enum Routes {
    /// Builds the router: the health check, the token endpoint and v5 API, and the browser pages, all on one
    /// `SQLiteStore` over `database` with the system clock, the default `OAuthSettings` and `rateLimits`.
    static func make(database: SQLiteDatabase, rateLimits: RateLimitSettings, logger: Logger) -> Router {
        var settings = OAuthSettings()
        settings.rateLimits = rateLimits
        let context = WebContext(
            store: SQLiteStore(database: database), now: { Int64(Date().timeIntervalSince1970) }, settings: settings,
            logger: logger)

        var router = Router()
        HealthRoutes.register(on: &router)
        APIRoutes.register(on: &router, context: context)
        PageRoutes.register(on: &router, context: context)
        return router
    }
}
