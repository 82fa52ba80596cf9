import DoormanHTTP
import DoormanWeb
import Foundation
import Logging
import Metrics

/// Every route Doorman serves, in one place.
enum Routes {
    /// Builds the router: the health and readiness checks, `GET /metrics` when `metrics` is set, the token endpoint
    /// and v5 API, and the browser pages, all on one store over `database`, SQLite or PostgreSQL, with the system
    /// clock and the default `OAuthSettings`.
    static func make(database: OpenedDatabase, logger: Logger, metrics: ServerMetrics? = nil) -> Router {
        let store = database.store
        let context = WebContext(
            store: store, now: { Int64(Date().timeIntervalSince1970) }, logger: logger,
            metrics: metrics?.oauth ?? OAuthMetrics(factory: NOOPMetricsHandler.instance))

        var router = Router()
        HealthRoutes.register(on: &router, readiness: store, logger: logger)
        if let metrics {
            MetricsRoutes.register(on: &router, metrics: metrics)
        }
        APIRoutes.register(on: &router, context: context)
        PageRoutes.register(on: &router, context: context)
        return router
    }
}
