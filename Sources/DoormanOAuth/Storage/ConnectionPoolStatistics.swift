/// A snapshot of a store's database connection pool, for metrics, in the same terms for every store.
public struct ConnectionPoolStatistics: Sendable, Equatable {
    /// The maximum number of connections, the pool size of the store's configuration.
    public var size: Int
    /// Connections open now, in use or idle. A connection being opened counts as open and in use.
    public var open: Int
    /// Connections checked out now.
    public var inUse: Int
    /// Open connections waiting in the pool.
    public var idle: Int
    /// Checkouts, since the pool was created, that found every connection in use and had to wait.
    public var waits: Int
    /// Checkouts, since the pool was created, that waited for the whole checkout timeout and failed.
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
