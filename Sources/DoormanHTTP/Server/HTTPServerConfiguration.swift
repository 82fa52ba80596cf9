/// Listening address, worker threads and the limits that protect the server from clients.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// Numeric IPv4 or IPv6 address to listen on, or `localhost`. Default `127.0.0.1`.
    public var host: String = "127.0.0.1"
    /// TCP port; 0 picks a free port, which `HTTPServer.port` then reports. Default 8080.
    public var port: Int = 8080
    /// Worker threads that accept connections and run synchronous handlers. Default 2.
    public var threads: Int = 2
    /// Bytes of the per-connection buffer that the request line and headers must fit in; more is a 431.
    /// Default 16384.
    public var maxHeaderBytes: Int = 16_384
    /// Largest request body in bytes. A larger one gets 413 without being read. Default 1048576 (1 MiB).
    public var maxBodyBytes: Int = 1_048_576
    /// Seconds a connection may stay idle or stall mid-request before it is closed. Default 30.
    public var connectionTimeout: Int = 30
    /// Open connections allowed in all; further ones wait in the listen backlog until one closes. Default 1024.
    public var maxConnections: Int = 1024
    /// Open connections allowed from one IP address; 0 means no limit. Default 128.
    public var maxConnectionsPerIP: Int = 128
    /// Time in-flight requests may take to finish after a shutdown starts. Default 10 seconds.
    public var shutdownTimeout: Duration = .seconds(10)
    /// Reverse proxies whose `X-Forwarded-For` names the client (`ClientAddress.resolve`). Default none, so the
    /// header is ignored.
    public var trustedProxies: [IPAddressRange] = []

    /// Creates a configuration with the defaults above.
    public init() {}
}
