import DoormanHTTP
import DoormanTestSupport
import Testing

@Suite("Router")
struct RouterTests {
    private func router() -> Router {
        var router = Router()
        router.get("/v5/me") { _ in Response(contentType: "text/plain", text: "me") }
        router.get("/v5/me/memberships/:id") { request in
            Response(contentType: "text/plain", text: "membership \(request.parameters["id"] ?? "")")
        }
        router.get("/v5/me/memberships/current") { _ in Response(contentType: "text/plain", text: "literal") }
        router.post("/v5/oauth/token") { _ in Response(contentType: "text/plain", text: "token") }
        router.add(.put, "/things/:a/parts/:b") { request in
            Response(
                contentType: "text/plain", text: "\(request.parameters["a"] ?? "")/\(request.parameters["b"] ?? "")")
        }
        return router
    }

    private func templateOf(_ match: RouteMatch) -> String? {
        if case .found(let route, _) = match { route.template } else { nil }
    }

    @Test(arguments: [
        ("GET", "/v5/me", "/v5/me"),
        ("HEAD", "/v5/me", "/v5/me"),
        ("GET", "/v5/me/memberships/mem_1", "/v5/me/memberships/:id"),
        ("GET", "/v5/me/memberships/current", "/v5/me/memberships/current"),
        ("POST", "/v5/oauth/token", "/v5/oauth/token"),
        ("PUT", "/things/1/parts/2", "/things/:a/parts/:b"),
    ])
    func matchesTemplate(method: String, path: String, template: String) throws {
        let match = try router().match(HTTPMethod(rawValue: method), path: path)
        #expect(templateOf(match) == template)
    }

    @Test(arguments: ["/v5/me/", "/v5", "/v5/me/memberships", "/v5/me/memberships/", "/things/1/parts", "//v5/me"])
    func rejectsUnknownPath(path: String) throws {
        guard case .notFound = try router().match(.get, path: path) else {
            Issue.record("expected no route for \(path)")
            return
        }
    }

    @Test func listsAllowedMethods() throws {
        guard case .methodNotAllowed(let allowed) = try router().match(.post, path: "/v5/me") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.get, .head])
        guard case .methodNotAllowed(let tokenAllowed) = try router().match(.get, path: "/v5/oauth/token") else {
            Issue.record("expected 405")
            return
        }
        #expect(tokenAllowed == [.post])
    }

    @Test func decodesParameters() throws {
        let match = try router().match(.put, path: "/things/a%2Fb/parts/%C3%A9")
        guard case .found(_, let parameters) = match else {
            Issue.record("expected a route")
            return
        }
        #expect(parameters["a"] == "a/b")
        #expect(parameters["b"] == "é")
    }

    @Test(arguments: ["/things/%G0/parts/1", "/things/%FF/parts/1", "/things/%/parts/1"])
    func rejectsBadParameterEncoding(path: String) {
        #expect(throws: HTTPError.self) { try router().match(.put, path: path) }
    }
}

@Suite("Responder")
struct ResponderTests {
    struct Header: Middleware {
        func finish(_ request: Request, _ response: inout Response) {
            response.headers.add(name: "X-Finished", value: request.route ?? "none")
        }
    }

    struct Gate: Middleware {
        func prepare(_ request: inout Request) throws -> Response? {
            request.headers["X-Pass"] == nil ? Response.message("stopped", status: .forbidden) : nil
        }
    }

    private func responder() -> Responder {
        var router = Router()
        router.use(Header())
        router.use(Gate())
        router.get("/open") { _ in Response(contentType: "text/plain", text: "open") }
        router.get("/missing-error") { _ in throw HTTPError(.notFound, "No such thing") }
        return Responder(router: router, logger: quietLogger())
    }

    private func respond(_ request: Request) -> Response? {
        if case .response(let response, _) = responder().respond(to: request) { response } else { nil }
    }

    @Test func middlewareStopsRequestAndStillFinishes() throws {
        let response = try #require(respond(Request(method: .get, path: "/open")))
        #expect(response.status == .forbidden)
        #expect(response.headers["X-Finished"] == "/open")
    }

    @Test func middlewareLetsRequestThrough() throws {
        let response = try #require(respond(Request(method: .get, path: "/open", headers: ["X-Pass": "1"])))
        #expect(response.status == .ok)
        #expect(response.headers["X-Finished"] == "/open")
    }

    @Test func errorChoosesItsResponse() throws {
        let response = try #require(respond(Request(method: .get, path: "/missing-error", headers: ["X-Pass": "1"])))
        #expect(response.status == .notFound)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"message":"No such thing"}"#)
    }

    @Test func notFoundStillRunsFinish() throws {
        let response = try #require(respond(Request(method: .get, path: "/nowhere")))
        #expect(response.status == .notFound)
        #expect(response.headers["X-Finished"] == "none")
    }
}

/// The request that `Responder` hands back with its response, which metrics read the route template from.
struct ResponderRoutedRequestTests {
    @Test func matchedRouteCarriesTemplate() {
        var router = Router()
        router.get("/items/:id") { _ in Response(contentType: "text/plain", text: "item") }
        let responder = Responder(router: router, logger: quietLogger())
        let outcome = responder.respond(to: Request(method: .get, path: "/items/7"))

        guard case .response(_, let routed) = outcome else {
            Issue.record("expected a response, got \(outcome)")
            return
        }
        #expect(routed.route == "/items/:id")
        #expect(routed.parameters["id"] == "7")
    }

    @Test func unmatchedPathHasNoTemplate() {
        let outcome = Responder(router: Router(), logger: quietLogger()).respond(to: Request(method: .get, path: "/x"))

        guard case .response(let response, let routed) = outcome else {
            Issue.record("expected a response, got \(outcome)")
            return
        }
        #expect(response.status == .notFound)
        #expect(routed.route == nil)
    }
}
