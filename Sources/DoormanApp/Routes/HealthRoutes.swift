import DoormanHTTP

/// `GET /healthz`: 200 `{"status":"ok"}` while the process serves requests.
enum HealthRoutes {
    static func register(on router: inout Router) {
        let body = Array(#"{"status":"ok"}"#.utf8)
        router.get("/healthz") { _ in
            var response = Response.json(body)
            response.headers.add(name: "Cache-Control", value: "no-store")
            return response
        }
    }
}
