import Dossier
import HTTPServer

/// The whole HTTP face of the dossier API, as one responder for the server: the routes of
/// ``Routes``, CORS for browser clients, the static browse page for every other path, and
/// problem details for every error.
///
/// Built once at start-up from a validated ``Catalog``: rendering every resource and indexing
/// every text happens here, so a request does no JSON encoding (search aside) and no lock is
/// ever taken — the service is immutable and `Sendable` by construction.
public struct APIService: HTTPResponder {
    private let rendered: RenderedResources
    private let router: Router

    /// Why the service could not be built.
    public struct StartupError: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// Builds the service.
    ///
    /// - Parameters:
    ///   - catalog: The loaded dossiers.
    ///   - openAPIDocument: The bytes of `openapi.yaml`, served as they are.
    ///   - publicFiles: The browse page and its assets (`Public/`).
    public init(catalog: Catalog, openAPIDocument: [UInt8], publicFiles: StaticFiles) throws {
        let rendered = RenderedResources(catalog: catalog)
        let openAPIHeaders: HTTPFields = ["Content-Type": "application/yaml", "Cache-Control": "no-cache"]
        let operations = Operations(
            catalog: catalog,
            rendered: rendered,
            search: SearchService(catalog: catalog),
            openAPI: PreparedResponse(status: .ok, headers: openAPIHeaders, body: openAPIDocument),
            health: PreparedResponse(
                status: .ok, headers: ["Content-Type": "application/json", "Cache-Control": "no-store"],
                text: "{\"status\":\"ok\"}\n", addsETag: false),
            publicFiles: publicFiles)
        var builder = RouterBuilder()
        for route in Routes.all {
            builder.add(route.method, route.template, handler: route.handler(operations))
        }
        do {
            router = try builder.build(fallback: Fallback(publicFiles: publicFiles, rendered: rendered))
        } catch {
            throw StartupError(description: "the route table is invalid: \(error)")
        }
        self.rendered = rendered
    }

    /// Answers one request.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        // The hot path: a GET of a pre-rendered resource at its canonical path is one lookup.
        if request.method == .get || request.method == .head, let prepared = rendered[request.path] {
            return HTTPResponse(prepared: prepared)
        }
        if Fallback.isAPIPath(request.path), CORS.isPreflight(request) {
            guard let methods = router.allowedMethods(forPath: request.path) else {
                return APIProblem(kind: .notFound, detail: "Deze resource bestaat niet.").response(
                    for: request)
            }
            return CORS.preflightResponse(request, allowing: methods)
        }
        return router.respond(to: request)
    }

    /// The fields the server appends to every response (``ServerConfiguration/responseHeaders``),
    /// this service's and the server's own (a request it cannot parse, a limit, a timeout, a
    /// failed `If-Match`): CORS's, so that a browser client on another origin can read every
    /// answer, errors included, and `nosniff`. The service itself sets neither.
    public static var responseHeaders: HTTPFields {
        var fields = CORS.responseHeaders
        fields.append(name: "X-Content-Type-Options", value: "nosniff")
        return fields
    }

    /// The rendered paths (for tests and the benchmark harness).
    public var renderedPaths: [String] { rendered.paths }

    /// Renders every resource that no request has rendered yet, and returns how many resources
    /// there are and the bytes of their bodies.
    ///
    /// The server calls this right after it starts listening, on a thread of its own: start-up
    /// to the first answer stays short even with hundreds of dossiers (loading and indexing
    /// only), and moments later every resource is rendered, so requests do no JSON work. A
    /// request that comes first renders its resource itself, once, with the same bytes.
    public func renderAll() -> (resources: Int, bytes: Int) {
        rendered.renderAll()
    }
}

/// Answers paths no route matches: a problem under `/api`, the static files elsewhere.
private struct Fallback: HTTPResponder {
    let publicFiles: StaticFiles
    let rendered: RenderedResources

    static func isAPIPath(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/")
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        if Fallback.isAPIPath(request.path) {
            // A slash typed after a path is common by hand; say where the resource is rather
            // than answering with a redirect a client without -L would silently stop at.
            if request.path.hasSuffix("/"), rendered[String(request.path.dropLast())] != nil {
                return APIProblem(
                    kind: .notFound,
                    detail:
                        "Deze resource bestaat niet; bedoelt u \(request.path.dropLast()) (zonder / aan het eind)?"
                ).response(for: request)
            }
            return APIProblem(kind: .notFound, detail: "Deze resource bestaat niet.").response(for: request)
        }
        return publicFiles.respond(to: request)
    }
}
