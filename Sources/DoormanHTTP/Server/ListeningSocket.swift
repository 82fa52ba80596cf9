import Glibc

/// Opens the listening socket that libmicrohttpd takes over, so that bind errors carry the system's reason.
enum ListeningSocket {
    /// Binds a TCP socket to a numeric address or `localhost` and starts listening.
    ///
    /// `SO_REUSEADDR` lets a restarted server bind while old connections linger in TIME_WAIT; `SO_REUSEPORT` is
    /// not set, so a second server on the same port fails instead of sharing it.
    static func open(host: String, port: Int, backlog: Int32 = 1024) throws(HTTPServerError)
        -> (socket: Int32, port: Int)
    {
        let host = host == "localhost" ? "127.0.0.1" : host
        let family = host.contains(":") ? AF_INET6 : AF_INET
        var storage = sockaddr_storage()
        let length = try fill(&storage, family: family, host: host, port: port)
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw failure(host, port, "socket") }
        var enabled: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &enabled, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, backlog) == 0 else {
            let error = failure(host, port, "bind")
            close(descriptor)
            throw error
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        return (descriptor, boundPort(descriptor) ?? port)
    }

    private static func fill(_ storage: inout sockaddr_storage, family: Int32, host: String, port: Int)
        throws(HTTPServerError) -> socklen_t
    {
        let parsed = withUnsafeMutablePointer(to: &storage) { pointer -> Bool in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    address.pointee.sin6_family = sa_family_t(AF_INET6)
                    address.pointee.sin6_port = UInt16(port).bigEndian
                    return inet_pton(AF_INET6, host, &address.pointee.sin6_addr) == 1
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                address.pointee.sin_family = sa_family_t(AF_INET)
                address.pointee.sin_port = UInt16(port).bigEndian
                return inet_pton(AF_INET, host, &address.pointee.sin_addr) == 1
            }
        }
        guard parsed, (0...65_535).contains(port) else { throw HTTPServerError.invalidHost(host) }
        return socklen_t(family == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
    }

    private static func boundPort(_ descriptor: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                Int(UInt16(bigEndian: $0.pointee.sin_port))
            }
        }
    }

    private static func failure(_ host: String, _ port: Int, _ call: String) -> HTTPServerError {
        let reason = String(cString: strerror(errno)).lowercased()
        return HTTPServerError.cannotListen(host: host, port: port, reason: "\(call) failed: \(reason)")
    }
}
