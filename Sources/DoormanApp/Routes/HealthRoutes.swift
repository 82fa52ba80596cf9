import DoormanHTTP
import DoormanOAuth
import Logging

/// `GET /healthz`: 200 `{"status":"ok"}` while the process serves requests. `GET /readyz`: 200
/// `{"status":"ready"}` when a query on the database succeeds and its migrations are this build's, 503 otherwise.
enum HealthRoutes {
    static func register(on router: inout Router, readiness: any StoreReadiness, logger: Logger) {
        let body = Array(#"{"status":"ok"}"#.utf8)
        router.get("/healthz") { _ in
            var response = Response.json(body)
            response.headers.add(name: "Cache-Control", value: "no-store")
            return response
        }

        let probe = ReadinessProbe(store: readiness, logger: logger)
        router.get("/readyz") { request in
            var response = probe.respond(requestID: request.requestID)
            response.headers.add(name: "Cache-Control", value: "no-store")
            return response
        }
    }
}
