import DoormanHTTP
import DoormanOAuth

/// One kind of cleanup: a function that deletes records that no longer work at a time in Unix seconds, and
/// returns how many it deleted under each table name.
public struct CleanupStep: Sendable {
    /// Deletes what the step covers at the given time and returns `(table, count)` pairs.
    public let run: @Sendable (Int64) throws -> [(name: String, count: Int)]

    /// Creates a step from its function.
    public init(run: @escaping @Sendable (Int64) throws -> [(name: String, count: Int)]) {
        self.run = run
    }

    /// Returns the step that deletes expired codes, dead tokens and expired sessions from `store`.
    public static func grants(store: any CleanupStore, policy: CleanupPolicy) -> CleanupStep {
        CleanupStep { now in try store.deleteExpiredRecords(at: now, policy: policy).entries }
    }

    /// Returns the step that deletes rate-limit counters whose window ended before `now`.
    public static func rateLimits(store: any RateLimitStore) -> CleanupStep {
        CleanupStep { now in [("rate_limits", try store.purgeRateLimits(endedBy: now))] }
    }
}

/// The counts of one cleanup pass, by table, in the order the steps ran.
public struct CleanupReport: Sendable {
    /// `(table, count)` pairs.
    public let entries: [(name: String, count: Int)]

    /// The number of records deleted over every table.
    public var total: Int {
        entries.reduce(0) { $0 + $1.count }
    }

    /// One line per table, such as `authorization_codes: 3`.
    public var text: String {
        entries.map { "\($0.name): \($0.count)" }.joined(separator: "\n")
    }

    /// One JSON object with a number per table, in the steps' order. A table that two steps report is summed.
    public var json: JSONValue {
        var object = JSONObject()
        for entry in entries {
            let previous = object[entry.name]?.intValue ?? 0
            object[entry.name] = .number(JSONNumber(previous + entry.count))
        }
        return .object(object)
    }
}

/// Runs the cleanup steps one after the other: the pass of `doorman cleanup` and of `serve`'s schedule.
///
/// `standardSteps` is the single list both use, so a new kind of expiring row, such as rate-limit counters,
/// joins every pass by adding its step there.
public struct Janitor: Sendable {
    /// The steps of each pass, in order.
    public let steps: [CleanupStep]

    /// Creates a janitor that runs `steps`.
    public init(steps: [CleanupStep]) {
        self.steps = steps
    }

    /// Returns the steps of every pass over `store`: grants and sessions, then rate-limit counters.
    public static func standardSteps(store: any DoormanStore, policy: CleanupPolicy) -> [CleanupStep] {
        [.grants(store: store, policy: policy), .rateLimits(store: store)]
    }

    /// Runs every step at `now`, in Unix seconds, and returns what they deleted. A step that throws stops the pass,
    /// and what earlier steps and batches deleted stays deleted.
    public func runPass(at now: Int64) throws -> CleanupReport {
        var entries: [(name: String, count: Int)] = []
        for step in steps {
            entries += try step.run(now)
        }
        return CleanupReport(entries: entries)
    }
}
