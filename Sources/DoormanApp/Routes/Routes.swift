import DoormanHTTP
import DoormanStorage
import DoormanWeb
import Foundation
import Logging

/// Every route Doorman serves, in one place.
enum Routes {
    /// Builds the router: the health check, the token endpoint and v5 API, and the browser pages, all on one
    /// `SQLiteStore` over `database`, wrapped in a `CachingStore` with `cache`, with the system clock and the
    /// default `OAuthSettings`.
    static func make(
        database: SQLiteDatabase, cache: StoreCacheSettings = StoreCacheSettings(), logger: Logger
    ) -> Router {
        let store = CachingStore(wrapping: SQLiteStore(database: database), settings: cache)
        let context = WebContext(store: store, now: { Int64(Date().timeIntervalSince1970) }, logger: logger)

        var router = Router()
        HealthRoutes.register(on: &router)
        APIRoutes.register(on: &router, context: context)
        PageRoutes.register(on: &router, context: context)
        return router
    }
}
