import HTTPServer
import HTTPTestSupport

/// Starts a real server on 127.0.0.1, port 0, in front of the test routes (or `responder`),
/// runs `body` with its port, then shuts it down and waits for it to stop.
func withServer<Result>(
    limits: ServerLimits = ServerLimits(),
    responder: (any HTTPResponder)? = nil,
    gracePeriod: Duration = .seconds(2),
    ownResponseHeaders: HTTPFields = [:],
    _ body: (Server, Int) throws -> Result
) throws -> Result {
    try withLiveServer(
        responder: try responder ?? TestResponder.make(), limits: limits, gracePeriod: gracePeriod,
        ownResponseHeaders: ownResponseHeaders, body)
}

/// The routes the live tests use, in front of the temporary public directory.
enum TestResponder {
    static let prepared = PreparedResponse(
        headers: ["Content-Type": "application/json", "Cache-Control": "no-cache"],
        body: Array("{\"prepared\":true}\n".utf8))

    static func make() throws -> Router {
        var routes = RouterBuilder()
        routes.add(.get, "/hello") { _, _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: Array("hello".utf8))
        }
        routes.add(.get, "/prepared") { _, _ in HTTPResponse(prepared: prepared) }
        routes.add(.get, "/items/{id}") { request, parameters in
            HTTPResponse(
                status: .ok, body: Array("item \(parameters["id"] ?? "?") \(request.query ?? "")".utf8))
        }
        routes.add(.post, "/echo") { request, _ in
            HTTPResponse(status: .ok, body: Array("\(request.body.count):".utf8) + request.body)
        }
        routes.add(.get, "/close") { _, _ in
            HTTPResponse(status: .ok, headers: ["Connection": "close"], body: Array("bye".utf8))
        }
        return try routes.build(fallback: try StaticFiles(directory: PublicDirectory.path))
    }
}
