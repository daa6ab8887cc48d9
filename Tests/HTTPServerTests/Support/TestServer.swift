import HTTPServer
import HTTPTestSupport

/// Starts a real server on 127.0.0.1, port 0, in front of the test routes (or `responder`),
/// with the test vocabulary and `responseHeaders`, runs `body` with its port, then shuts it
/// down and waits for it to stop.
func withServer<Result>(
    limits: ServerLimits = ServerLimits(),
    responder: (any HTTPResponder)? = nil,
    gracePeriod: Duration = .seconds(2),
    responseHeaders: HTTPFields = [:],
    _ body: (Server, Int) throws -> Result
) throws -> Result {
    try withLiveServer(
        responder: try responder ?? TestResponder.make(),
        configuration: TestVocabulary.configuration(responseHeaders: responseHeaders), limits: limits,
        gracePeriod: gracePeriod, body)
}

/// An application's vocabulary as the tests configure it: a type base and a slug per
/// problem, the status's reason phrase as title, and a detail that names the problem, so a
/// test can tell the configured words from the default ones.
enum TestVocabulary {
    static let typeBase = "https://dossiers.example/problems/"

    static let problems = ProblemVocabulary(typeBase: typeBase) { problem in
        ProblemText(slug: slug(problem), title: problem.status.reasonPhrase, detail: "test: \(problem)")
    }

    /// A configuration with these words and `responseHeaders`.
    static func configuration(responseHeaders: HTTPFields = [:]) -> ServerConfiguration {
        ServerConfiguration(problems: problems, responseHeaders: responseHeaders)
    }

    static func slug(_ problem: ServerProblem) -> String {
        switch problem.status.code {
        case 404: return "not-found"
        case 405: return "method-not-allowed"
        case 406: return "not-acceptable"
        case 408: return "request-timeout"
        case 412: return "precondition-failed"
        case 413: return "content-too-large"
        case 414: return "uri-too-long"
        case 431: return "header-fields-too-large"
        case 501: return "not-implemented"
        case 503: return "service-unavailable"
        case 505: return "http-version-not-supported"
        default: return "bad-request"
        }
    }
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

    /// The test routes behind the in-process client, with the test vocabulary.
    static func client(responseHeaders: HTTPFields = [:]) throws -> InProcessClient {
        InProcessClient(
            responder: try make(),
            configuration: TestVocabulary.configuration(responseHeaders: responseHeaders))
    }
}
