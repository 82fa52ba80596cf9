import DoormanStorage
import Metrics
import Synchronization

/// The database pool's gauges and counters, copied from the pool statistics of SQLite or PostgreSQL on each scrape.
///
/// The pool counts under its own lock, so reading it once per scrape adds nothing to the request path.
final class PoolMetrics: Sendable {
    static let inUseName = "doorman_database_pool_connections_in_use"
    static let idleName = "doorman_database_pool_connections_idle"
    static let sizeName = "doorman_database_pool_connections_max"
    static let waitsName = "doorman_database_pool_waits_total"
    static let timeoutsName = "doorman_database_pool_timeouts_total"
    /// The help text of each metric, by name.
    static let help: [(name: String, text: String)] = [
        (inUseName, "Database connections checked out of the pool now."),
        (idleName, "Open database connections waiting in the pool now."),
        (sizeName, "Maximum number of database connections in the pool."),
        (waitsName, "Connection checkouts that found every connection in use and had to wait."),
        (timeoutsName, "Connection checkouts that waited for the whole checkout timeout and failed."),
    ]

    private let database: OpenedDatabase
    private let inUse: Gauge
    private let idle: Gauge
    private let size: Gauge
    private let waits: Counter
    private let timeouts: Counter
    /// The pool's totals at the previous scrape, so each scrape adds only the difference to the counters.
    private let reported = Mutex<(waits: Int, timeouts: Int)>((0, 0))

    init(database: OpenedDatabase, factory: any MetricsFactory) {
        self.database = database
        inUse = Gauge(label: Self.inUseName, factory: factory)
        idle = Gauge(label: Self.idleName, factory: factory)
        size = Gauge(label: Self.sizeName, factory: factory)
        waits = Counter(label: Self.waitsName, factory: factory)
        timeouts = Counter(label: Self.timeoutsName, factory: factory)
    }

    /// Reads the pool and updates the metrics.
    func update() {
        let statistics = database.poolStatistics
        inUse.record(statistics.inUse)
        idle.record(statistics.idle)
        size.record(statistics.size)
        reported.withLock { reported in
            waits.increment(by: statistics.waits - reported.waits)
            timeouts.increment(by: statistics.timeouts - reported.timeouts)
            reported = (statistics.waits, statistics.timeouts)
        }
    }
}
