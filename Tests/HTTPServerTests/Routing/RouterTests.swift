import Testing

@testable import HTTPServer

@Suite("Router")
struct RouterTests {
    /// A handler that names itself and echoes its parameters.
    static func handler(_ name: String) -> RouterBuilder.Handler {
        { request, parameters in
            var text = name
            for key in ["crebo", "code", "rest"] {
                if let value = parameters[key] { text += " \(key)=\(value)" }
            }
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array(text.utf8))
        }
    }

    static func makeRouter(fallback: (any HTTPResponder)? = nil) throws -> Router {
        var routes = RouterBuilder()
        routes.add(.get, "/api/v1/dossiers", handler: handler("list"))
        routes.add(.get, "/api/v1/dossiers/{crebo}", handler: handler("dossier"))
        routes.add(.get, "/api/v1/dossiers/new", handler: handler("literal"))
        routes.add(.post, "/api/v1/dossiers", handler: handler("create"))
        routes.add(.get, "/api/v1/dossiers/{crebo}/kerntaken/{code}", handler: handler("kerntaak"))
        routes.add(.get, "/api/v1/dossiers/new/kerntaken/special", handler: handler("special"))
        routes.add(.get, "/", handler: handler("root"))
        return try routes.build(fallback: fallback)
    }

    func body(_ response: HTTPResponse) -> String {
        String(decoding: response.body.bytes, as: UTF8.self)
    }

    func respond(_ router: Router, _ method: HTTPMethod, _ target: String) -> HTTPResponse {
        router.respond(to: HTTPRequest(method: method, target: target, headers: ["Host": "a"]))
    }

    @Test("routes match literal and parameter segments, parameters percent-decoded")
    func matches() throws {
        let router = try Self.makeRouter()
        #expect(body(respond(router, .get, "/api/v1/dossiers")) == "list")
        #expect(body(respond(router, .get, "/api/v1/dossiers/23292")) == "dossier crebo=23292")
        #expect(body(respond(router, .get, "/api/v1/dossiers/a%20b%2Fc")) == "dossier crebo=a b/c")
        #expect(body(respond(router, .get, "/")) == "root")
        #expect(
            body(respond(router, .get, "/api/v1/dossiers/23292/kerntaken/B1-K1?x=1"))
                == "kerntaak crebo=23292 code=B1-K1")
    }

    @Test("a literal segment beats a parameter, with backtracking when the literal leads nowhere")
    func literalBeatsParameter() throws {
        let router = try Self.makeRouter()
        #expect(body(respond(router, .get, "/api/v1/dossiers/new")) == "literal")
        #expect(body(respond(router, .get, "/api/v1/dossiers/new/kerntaken/special")) == "special")
        #expect(
            body(respond(router, .get, "/api/v1/dossiers/new/kerntaken/B1")) == "kerntaak crebo=new code=B1")
        #expect(body(respond(router, .get, "/api/v1/dossiers/%6Eew")) == "literal")
    }

    @Test("a known path with a wrong method is the 405 problem with Allow in a stable order")
    func methodNotAllowed() throws {
        let router = try Self.makeRouter()
        let response = respond(router, .delete, "/api/v1/dossiers")
        #expect(response.problem == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
        #expect(respond(router, .put, "/api/v1/dossiers/1").headers["Allow"] == "GET, HEAD, OPTIONS")
        // A method the server does not know is the pipeline's 501, never the router's.
        #expect(
            respond(router, HTTPMethod(rawValue: "BREW"), "/api/v1/dossiers").problem == .methodNotAllowed)
    }

    @Test("HEAD runs the GET handler")
    func headUsesGet() throws {
        let router = try Self.makeRouter()
        #expect(body(respond(router, .head, "/api/v1/dossiers/7")) == "dossier crebo=7")
    }

    @Test("OPTIONS on a known path is 204 with Allow; OPTIONS * describes the server")
    func options() throws {
        let router = try Self.makeRouter()
        let response = respond(router, .options, "/api/v1/dossiers/1")
        #expect(response.status == .noContent)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(respond(router, .options, "*").status == .noContent)
    }

    @Test("an unknown path goes to the fallback, or is a 404 problem without one")
    func fallback() throws {
        struct Fallback: HTTPResponder {
            func respond(to request: HTTPRequest) -> HTTPResponse {
                HTTPResponse(status: .ok, body: Array("fallback".utf8))
            }
        }
        #expect(body(respond(try Self.makeRouter(fallback: Fallback()), .get, "/index.html")) == "fallback")
        // A path that is only a prefix of routes is not a resource.
        #expect(body(respond(try Self.makeRouter(fallback: Fallback()), .get, "/api/v1")) == "fallback")
        let response = respond(try Self.makeRouter(), .get, "/nope")
        #expect(response.problem == .notFound)
        // A trailing slash is a different path.
        #expect(respond(try Self.makeRouter(), .get, "/api/v1/dossiers/").status == .notFound)
    }

    @Test("a malformed percent-escape in the path is the 400 problem")
    func badEscape() throws {
        #expect(respond(try Self.makeRouter(), .get, "/api/v1/dossiers/%zz").problem == .malformedPath)
    }

    @Test("allowedMethods(forPath:) reports a path's methods, or nil for unknown paths")
    func allowedMethods() throws {
        let router = try Self.makeRouter()
        #expect(router.allowedMethods(forPath: "/api/v1/dossiers") == [.get, .head, .post, .options])
        #expect(router.allowedMethods(forPath: "/api/v1/dossiers/1") == [.get, .head, .options])
        #expect(router.allowedMethods(forPath: "/api") == nil)
    }

    @Test("duplicate routes, conflicting parameter names and bad templates stop the build")
    func buildErrors() {
        var duplicate = RouterBuilder()
        duplicate.add(.get, "/a/{x}", handler: Self.handler("one"))
        duplicate.add(.get, "/a/{x}", handler: Self.handler("two"))
        #expect(throws: RoutingError.duplicateRoute(.get, "/a/{x}")) { try duplicate.build() }

        var conflicting = RouterBuilder()
        conflicting.add(.get, "/a/{x}", handler: Self.handler("one"))
        conflicting.add(.post, "/a/{y}/b", handler: Self.handler("two"))
        #expect(throws: RoutingError.conflictingParameterNames("/a/{x}", "/a/{y}/b")) {
            try conflicting.build()
        }

        for template in ["no-slash", "/a/{x", "/a/x}", "/a/{x}/{x}", "/a/b{x}"] {
            var bad = RouterBuilder()
            bad.add(.get, template, handler: Self.handler("bad"))
            #expect(throws: RoutingError.invalidPattern(template)) { try bad.build() }
        }
    }

    @Test("the same pattern with different methods is not a duplicate")
    func sameTemplateDifferentMethods() throws {
        var routes = RouterBuilder()
        routes.add(.get, "/a", handler: Self.handler("get"))
        routes.add(.put, "/a", handler: Self.handler("put"))
        let router = try routes.build()
        #expect(body(respond(router, .put, "/a")) == "put")
    }
}
