import DoormanHTTP
import Metrics
import Synchronization

/// The duration timer of one route template, and its request counters by method and status code.
final class RouteSeries: Sendable {
    let duration: Timer
    private let methods: [(method: HTTPMethod, counters: StatusCounters)]
    /// The counters of methods not in `methods`, labeled `other`; nil for a route, whose methods are all known.
    private let otherMethods: StatusCounters?

    init(template: String, methods: [HTTPMethod], includesOther: Bool = false, factory: any MetricsFactory) {
        duration = Timer(label: HTTPMetrics.durationName, dimensions: [("route", template)], factory: factory)
        self.methods = methods.map { method in
            (method, StatusCounters(route: template, method: method.rawValue, factory: factory))
        }
        otherMethods = includesOther ? StatusCounters(route: template, method: "other", factory: factory) : nil
    }

    /// Returns the counter of `method` and `status`, made on first use.
    func counter(method: HTTPMethod, status: Int) -> Counter {
        for entry in methods where entry.method == method {
            return entry.counters.counter(status: status)
        }
        // A matched route's method is always listed, so only unmatched requests come here.
        return (otherMethods ?? methods[0].counters).counter(status: status)
    }
}

/// The request counters of one route and method, one slot per status code from 100 to 599 and one for any other.
///
/// Each slot is an `AtomicLazyReference`: the first response with a status makes its counter through the factory,
/// which may lock, and every later one loads it without a lock. `AtomicLazyReference` cannot be copied, so the
/// slots live in manually allocated memory that is written only in `init` and `deinit`.
final class StatusCounters: @unchecked Sendable {
    private static let firstStatus = 100
    private static let slotCount = 501

    private let route: String
    private let method: String
    private let factory: any MetricsFactory
    private let slots: UnsafeMutablePointer<AtomicLazyReference<Counter>>

    init(route: String, method: String, factory: any MetricsFactory) {
        self.route = route
        self.method = method
        self.factory = factory
        slots = .allocate(capacity: Self.slotCount)
        for index in 0..<Self.slotCount {
            (slots + index).initialize(to: AtomicLazyReference())
        }
    }

    deinit {
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
    }

    func counter(status: Int) -> Counter {
        let index = (Self.firstStatus..<Self.firstStatus + Self.slotCount - 1).contains(status)
            ? status - Self.firstStatus : Self.slotCount - 1
        if let counter = slots[index].load() {
            return counter
        }
        let label = index == Self.slotCount - 1 ? "other" : String(status)
        let made = Counter(
            label: HTTPMetrics.requestsName, dimensions: [("route", route), ("method", method), ("status", label)],
            factory: factory)
        return slots[index].storeIfNil(made)
    }
}
