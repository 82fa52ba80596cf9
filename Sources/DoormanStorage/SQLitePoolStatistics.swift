/// A snapshot of an `SQLiteDatabase` pool, for metrics.
public struct SQLitePoolStatistics: Sendable, Equatable {
    /// The maximum number of connections, `SQLiteConfiguration.poolSize`.
    public var size: Int
    /// Connections open now, in use or idle. A connection being opened counts as open and in use.
    public var open: Int
    /// Connections checked out now.
    public var inUse: Int
    /// Open connections waiting in the pool.
    public var idle: Int
    /// Checkouts, since the database was opened, that found every connection in use and had to wait.
    public var waits: Int
    /// Checkouts, since the database was opened, that waited for the whole checkout timeout and failed.
    public var timeouts: Int

    /// Creates a snapshot.
    public init(size: Int, open: Int, inUse: Int, idle: Int, waits: Int, timeouts: Int) {
        self.size = size
        self.open = open
        self.inUse = inUse
        self.idle = idle
        self.waits = waits
        self.timeouts = timeouts
    }
}
