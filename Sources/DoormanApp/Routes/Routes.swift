import DoormanHTTP
import DoormanStorage

/// Every route Doorman serves, in one place.
enum Routes {
    static func make(database: SQLiteDatabase) -> Router {
        var router = Router()
        HealthRoutes.register(on: &router)
        return router
    }
}
