import DoormanHTTP
import DoormanOAuth
import DoormanStorage
import DoormanWeb
import Foundation
import Logging
import Metrics

/// Every route Doorman serves, in one place.
enum Routes {
    /// Builds the router: the health and readiness checks, `GET /metrics` when `metrics` is set, the OAuth endpoints
    /// and v5 API, and the browser pages.
    ///
    /// Every route uses one store over `database`, SQLite or PostgreSQL, wrapped in a `CachingStore` with `cache`,
    /// with the system clock and `settings`. `publicURL` is the issuer and the base of absolute URLs. When it is
    /// `https`, every response carries `Strict-Transport-Security`.
    static func make(
        database: OpenedDatabase, cache: StoreCacheSettings = StoreCacheSettings(),
        settings: OAuthSettings = OAuthSettings(), logger: Logger, metrics: ServerMetrics? = nil,
        publicURL: PublicBaseURL = PublicBaseURL(WebContext.defaultPublicURL)
    ) -> Router {
        let store = database.store
        let context = WebContext(
            store: CachingStore(wrapping: store, settings: cache), now: { Int64(Date().timeIntervalSince1970) },
            settings: settings, logger: logger,
            metrics: metrics?.oauth ?? OAuthMetrics(factory: NOOPMetricsHandler.instance), publicURL: publicURL)

        var router = Router()
        router.use(StrictTransportSecurity(publicURL: publicURL))
        HealthRoutes.register(on: &router, readiness: store, logger: logger)
        if let metrics {
            MetricsRoutes.register(on: &router, metrics: metrics)
        }
        APIRoutes.register(on: &router, context: context)
        PageRoutes.register(on: &router, context: context)
        return router
    }
}
