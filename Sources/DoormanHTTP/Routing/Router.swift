/// A handler that runs on the server's worker thread and returns at once.
public typealias SynchronousHandler = @Sendable (Request) throws -> Response
/// A handler for the few routes that await outbound I/O; the connection is suspended while it runs.
public typealias AsynchronousHandler = @Sendable (Request) async throws -> Response

/// A route's handler, synchronous by default.
public enum RouteHandler: Sendable {
    case synchronous(SynchronousHandler)
    case asynchronous(AsynchronousHandler)
}

/// A method and path template bound to a handler.
public struct Route: Sendable {
    /// The method the route handles.
    public let method: HTTPMethod
    /// The path template, with `:name` segments for parameters, such as `/v5/me/memberships/:id`.
    public let template: String
    /// The handler.
    public let handler: RouteHandler
    let segments: [Segment]

    enum Segment: Sendable, Equatable {
        case literal(Substring)
        case parameter(String)
    }
}

/// The outcome of looking up a method and path.
public enum RouteMatch: Sendable {
    /// A route matched; the parameters are decoded.
    case found(Route, parameters: [String: String])
    /// The path exists but not for this method. The methods it does handle go into `Allow`.
    case methodNotAllowed(allowed: [HTTPMethod])
    /// No route has this path.
    case notFound
}

/// Routes requests by method and path, with `:name` path parameters and a middleware list.
///
/// Build it before the server starts; the server keeps its own copy, so later changes do not reach it.
public struct Router: Sendable {
    private var literalRoutes: [String: [HTTPMethod: Route]] = [:]
    private var parameterRoutes: [Route] = []
    /// The middleware that runs around every routed request, in the order added.
    public private(set) var middleware: [any Middleware] = []

    /// Creates an empty router.
    public init() {}

    /// Every route, literal templates first, each group in no particular order.
    public var routes: [Route] {
        literalRoutes.values.flatMap(\.values) + parameterRoutes
    }

    /// Adds a synchronous handler for `method` and `template`.
    public mutating func add(_ method: HTTPMethod, _ template: String, use handler: @escaping SynchronousHandler) {
        insert(method, template, .synchronous(handler))
    }

    /// Adds an asynchronous handler for `method` and `template`; use it only for routes that await outbound I/O.
    public mutating func addAsync(
        _ method: HTTPMethod, _ template: String, use handler: @escaping AsynchronousHandler
    ) {
        insert(method, template, .asynchronous(handler))
    }

    /// Adds a synchronous `GET` handler, which also handles `HEAD` requests.
    public mutating func get(_ template: String, use handler: @escaping SynchronousHandler) {
        add(.get, template, use: handler)
    }

    /// Adds a synchronous `POST` handler.
    public mutating func post(_ template: String, use handler: @escaping SynchronousHandler) {
        add(.post, template, use: handler)
    }

    /// Appends a middleware that runs around every routed request.
    public mutating func use(_ middleware: any Middleware) {
        self.middleware.append(middleware)
    }

    /// Finds the route for `method` and the still percent-encoded `path`.
    ///
    /// Literal templates win over templates with parameters; a `HEAD` request falls back to the `GET` route.
    /// Throws `HTTPError` 400 when a path parameter is not valid percent-encoded UTF-8.
    public func match(_ method: HTTPMethod, path: String) throws -> RouteMatch {
        if let routes = literalRoutes[path] {
            return select(method, from: routes, parameters: [:])
        }
        let segments = Self.split(path)
        var byMethod: [HTTPMethod: Route] = [:]
        var parameters: [String: String] = [:]
        for route in parameterRoutes where byMethod[route.method] == nil {
            if let values = try Self.bind(route.segments, to: segments) {
                if byMethod.isEmpty { parameters = values }
                byMethod[route.method] = route
            }
        }
        return byMethod.isEmpty ? .notFound : select(method, from: byMethod, parameters: parameters)
    }

    private func select(_ method: HTTPMethod, from routes: [HTTPMethod: Route], parameters: [String: String])
        -> RouteMatch
    {
        if let route = routes[method] ?? (method == .head ? routes[.get] : nil) {
            return .found(route, parameters: parameters)
        }
        var allowed = Array(routes.keys)
        if routes[.get] != nil && routes[.head] == nil { allowed.append(.head) }
        return .methodNotAllowed(allowed: allowed.sorted { $0.rawValue < $1.rawValue })
    }

    private mutating func insert(_ method: HTTPMethod, _ template: String, _ handler: RouteHandler) {
        precondition(template.hasPrefix("/"), "route template \(template) must start with /")
        let segments = Self.split(template).map { piece -> Route.Segment in
            piece.hasPrefix(":") ? .parameter(String(piece.dropFirst())) : .literal(piece)
        }
        let route = Route(method: method, template: template, handler: handler, segments: segments)
        let hasParameters = segments.contains { if case .parameter = $0 { true } else { false } }
        if hasParameters {
            parameterRoutes.append(route)
            parameterRoutes.sort { Self.literalCount($0) > Self.literalCount($1) }
        } else {
            precondition(literalRoutes[template]?[method] == nil, "route \(method) \(template) added twice")
            literalRoutes[template, default: [:]][method] = route
        }
    }

    private static func literalCount(_ route: Route) -> Int {
        route.segments.count { if case .literal = $0 { true } else { false } }
    }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
    }

    private static func bind(_ template: [Route.Segment], to segments: [Substring]) throws -> [String: String]? {
        guard template.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (expected, actual) in zip(template, segments) {
            switch expected {
            case .literal(let text) where text == actual:
                continue
            case .literal:
                return nil
            case .parameter(let name):
                guard !actual.isEmpty else { return nil }
                do {
                    values[name] = try PercentDecoding.decode(actual, plusAsSpace: false)
                } catch {
                    throw HTTPError(.badRequest, "Invalid path parameter \(name): \(error)")
                }
            }
        }
        return values
    }
}
