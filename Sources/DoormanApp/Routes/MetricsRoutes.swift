import DoormanHTTP
import Prometheus

/// `GET /metrics`: every metric in the Prometheus text exposition format 0.0.4.
enum MetricsRoutes {
    static func register(on router: inout Router, metrics: ServerMetrics) {
        router.get("/metrics") { _ in
            var response = Response(body: metrics.render())
            response.headers.add(name: "Content-Type", value: PrometheusText.contentType)
            response.headers.add(name: "Cache-Control", value: "no-store")
            return response
        }
    }
}
