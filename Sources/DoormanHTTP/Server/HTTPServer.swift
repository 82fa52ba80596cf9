import CMicroHTTPD
import Glibc
import Logging
import Synchronization

/// An HTTP/1.1 server on libmicrohttpd: epoll with a pool of worker threads that run synchronous handlers,
/// and suspended connections for asynchronous ones.
///
/// Lifecycle: `start()` once, then `shutdown()` once; a stopped server cannot be started again.
public final class HTTPServer: @unchecked Sendable {
    /// The configuration the server was created with.
    public let configuration: HTTPServerConfiguration
    let responder: Responder
    let logger: Logger
    let observer: (any RequestObserver)?
    let requestIDs = RequestIDGenerator()
    let handlerExecutor = HandlerExecutor()
    let inFlightRequests = Atomic<Int>(0)
    let suspendedConnections = Atomic<Int>(0)
    let lastLibraryMessage = Mutex<String?>(nil)
    private let state = Mutex<LifecycleState>(.idle)

    enum LifecycleState {
        case idle
        case running(Daemon)
        case stopped
    }

    /// The daemon and the memory libmicrohttpd reads while it runs.
    struct Daemon: @unchecked Sendable {
        let handle: OpaquePointer
        let options: UnsafeMutablePointer<doorman_mhd_config>
        let port: Int
    }

    /// Creates a server that routes requests through `router` and reports each response to `observer`.
    /// Nothing listens before `start()`.
    public init(
        configuration: HTTPServerConfiguration, router: Router, logger: Logger, observer: (any RequestObserver)? = nil
    ) {
        self.configuration = configuration
        self.responder = Responder(router: router, logger: logger)
        self.logger = logger
        self.observer = observer
    }

    /// The port the server listens on, known after `start()` even when configured as 0; nil otherwise.
    public var port: Int? {
        state.withLock { if case .running(let daemon) = $0 { daemon.port } else { nil } }
    }

    /// Binds the address and starts the worker threads.
    public func start() throws(HTTPServerError) {
        try state.withLock { (current: inout LifecycleState) throws(HTTPServerError) in
            guard case .idle = current else { throw HTTPServerError.alreadyStarted }
            current = .running(try launchDaemon())
        }
        logger.info(
            "server started",
            metadata: [
                "http.host": "\(configuration.host)", "http.port": "\(port ?? 0)",
                "http.threads": "\(configuration.threads)",
            ])
    }

    /// Stops accepting connections, lets in-flight requests finish within `shutdownTimeout`, then closes
    /// every connection. Returns false when requests were still running at the deadline.
    @discardableResult
    public func shutdown() -> Bool {
        let daemon: Daemon? = state.withLock { current in
            guard case .running(let daemon) = current else { return nil }
            current = .stopped
            return daemon
        }
        guard let daemon else { return true }
        let listeningSocket = MHD_quiesce_daemon(daemon.handle)
        // Without this the kernel would keep completing handshakes into the listen queue while requests drain, and
        // reset those connections at close, after a load balancer had sent them a request it may not resend.
        // Linux refuses new connections after shutdown(2) of a listening socket. The descriptor itself stays open
        // until MHD_stop_daemon returns, as libmicrohttpd requires of a quiesced socket in its threaded modes.
        if listeningSocket >= 0 { _ = Glibc.shutdown(listeningSocket, Int32(SHUT_RDWR)) }
        let drained = waitForInFlightRequests()
        MHD_stop_daemon(daemon.handle)
        if listeningSocket >= 0 { close(listeningSocket) }
        daemon.options.deallocate()
        logger.info("server stopped", metadata: ["http.drained": "\(drained)"])
        return drained
    }

    deinit {
        shutdown()
    }

    private func waitForInFlightRequests() -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.shutdownTimeout)
        while inFlightRequests.load(ordering: .acquiring) > 0 {
            if clock.now >= deadline {
                logger.warning(
                    "shutdown deadline passed with requests in flight",
                    metadata: ["http.in_flight": "\(inFlightRequests.load(ordering: .relaxed))"])
                return waitForSuspendedConnections()
            }
            usleep(5_000)
        }
        return true
    }

    /// Waits for suspended connections, because libmicrohttpd must not stop while any is suspended. Their
    /// handlers thus get a last moment to finish.
    private func waitForSuspendedConnections() -> Bool {
        while suspendedConnections.load(ordering: .acquiring) > 0 {
            usleep(5_000)
        }
        return false
    }

    private func launchDaemon() throws(HTTPServerError) -> Daemon {
        let listening = try ListeningSocket.open(host: configuration.host, port: configuration.port)
        let options = UnsafeMutablePointer<doorman_mhd_config>.allocate(capacity: 1)
        options.initialize(to: makeOptions(listeningSocket: listening.socket))
        guard let handle = doorman_mhd_start(options) else {
            options.deallocate()
            close(listening.socket)
            let reason = lastLibraryMessage.withLock { $0 } ?? "libmicrohttpd could not start"
            throw HTTPServerError.cannotListen(host: configuration.host, port: configuration.port, reason: reason)
        }
        return Daemon(handle: handle, options: options, port: listening.port)
    }

    private func makeOptions(listeningSocket: Int32) -> doorman_mhd_config {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var options = doorman_mhd_config()
        options.flags =
            MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
            | MHD_USE_ERROR_LOG.rawValue
        if configuration.host.contains(":") { options.flags |= MHD_USE_IPv6.rawValue }
        options.listen_socket = listeningSocket
        options.thread_pool_size = UInt32(configuration.threads)
        options.connection_limit = UInt32(configuration.maxConnections)
        options.per_ip_connection_limit = UInt32(configuration.maxConnectionsPerIP)
        options.connection_timeout_seconds = UInt32(configuration.connectionTimeout)
        options.connection_memory_limit = configuration.maxHeaderBytes
        options.access_handler = accessHandler
        options.access_handler_cls = context
        options.completed_callback = requestCompleted
        options.completed_callback_cls = context
        options.uri_log_callback = requestStarted
        options.uri_log_callback_cls = context
        options.notify_connection_callback = connectionChanged
        options.notify_connection_callback_cls = context
        options.log_callback = libraryMessage
        options.log_callback_cls = context
        return options
    }
}

/// A failure to start the server.
public enum HTTPServerError: Error, CustomStringConvertible {
    case alreadyStarted
    case invalidHost(String)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .alreadyStarted:
            "the server was already started; create a new one to listen again"
        case .invalidHost(let host):
            "invalid host \"\(host)\": expected a numeric IPv4 or IPv6 address or localhost"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host) port \(port): \(reason)"
        }
    }
}
