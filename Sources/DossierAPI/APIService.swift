import Dossier
import HTTPServer

/// The whole HTTP face of the dossier API, as one responder for the server: the rows of
/// ``ResourceTable`` behind a router, CORS preflights for browser clients, the static browse
/// page for every other path, and problem details for every error. The fields every response
/// carries (CORS, `nosniff`) and the words of the server's own problems are the server's to
/// apply: ``DossierApplication`` configures them.
///
/// Built once at start-up from a validated ``Catalog``: every resource's path is known and
/// every text indexed here; each resource is rendered once, on first use or by
/// ``warmUp()``. The service is immutable and `Sendable` by construction; what it shares
/// between event loops is lock-free (a rendered response is published with one atomic
/// compare-and-swap) except search's pool of scratch arrays, one short lock per query.
public struct APIService: HTTPResponder {
    /// The path-only lookup (internal, like the router: the equivalence test compares them).
    let rendered: RenderedResources
    /// Every row of the table.
    let router: Router

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
    ///   - exports: The public base URL of the CASE records and the meaning of the LMS
    ///     exports' scales.
    ///   - metrics: What `/metrics` shows; by default metrics that count nothing.
    ///   - dataVersion: The version of the data, said as `dataVersie` by `/api/v1` and
    ///     `/healthz`.
    public init(
        catalog: Catalog, openAPIDocument: [UInt8], publicFiles: StaticFiles,
        exports: LMSExportConfiguration = LMSExportConfiguration(),
        metrics: ServerMetrics = APIService.makeMetrics(), dataVersion: String = ""
    ) throws {
        let problems = ResourceTable.problems
        guard problems.isEmpty else {
            throw StartupError(
                description: "the resource table is invalid: " + problems.joined(separator: "; "))
        }
        let context = DocumentContext(catalog: catalog, exports: exports, dataVersion: dataVersion)
        let rendered = RenderedResources(context: context)
        let openAPIHeaders: HTTPFields = [
            "Content-Type": ResourceTable.getOpenAPI.mediaType, "Cache-Control": "no-cache",
        ]
        let operations = Operations(
            rendered: rendered,
            search: SearchService(catalog: catalog),
            openAPI: PreparedResponse(status: .ok, headers: openAPIHeaders, body: openAPIDocument),
            health: PreparedResponse(
                status: .ok,
                headers: ["Content-Type": ResourceTable.getHealth.mediaType, "Cache-Control": "no-store"],
                text: "{\"status\":\"ok\",\"dataVersie\":\(JSONString.quoted(dataVersion))}\n",
                addsETag: false),
            publicFiles: publicFiles,
            caseRecords: context.caseRecords,
            caseOpenAPI: PreparedResponse(
                status: .ok,
                headers: RenderedResources.headers(mediaType: ResourceTable.getCASEOpenAPI.mediaType),
                body: try CASEOfficialOpenAPI.bytes()),
            metrics: metrics)
        var builder = RouterBuilder()
        for (route, resource) in ResourceTable.all.enumerated() {
            let handler = operations.handler(for: resource)
            // Each row's answers carry its index: the route label of the metrics.
            builder.add(.get, resource.template) { request, parameters in
                var response = handler(request, parameters)
                response.route = route
                return response
            }
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
        if request.method == .get || request.method == .head,
            let response = rendered.response(at: request.path)
        {
            return response
        }
        // `/api/v1/./dossiers` is `/api/v1/dossiers` (RFC 3986 §6.2.2.3); it is rare enough
        // to be decided here, after the lookup missed.
        guard let normalized = DotSegments.removed(from: request.path) else { return routed(request) }
        var request = request
        request.path = normalized
        return routed(request)
    }

    /// The router's answer, or the answer to a CORS preflight for a path it knows.
    private func routed(_ request: HTTPRequest) -> HTTPResponse {
        if CORS.isPreflight(request), let methods = router.allowedMethods(forPath: request.path) {
            return CORS.preflightResponse(request, allowing: methods)
        }
        return router.respond(to: request)
    }

    /// Metrics whose route labels are the rows of the resource table, in its order (the indices
    /// the service's responses carry), at data version `dataVersion`.
    public static func makeMetrics(dataVersion: String = "") -> ServerMetrics {
        ServerMetrics(routeTemplates: ResourceTable.all.map(\.template), dataVersion: dataVersion)
    }

    /// The rendered paths (for tests and the benchmark harness).
    public var renderedPaths: [String] { rendered.paths }

    /// Renders every resource that no request has rendered yet, with its gzip representation,
    /// and returns how many resources there are and the bytes of their bodies (for tests that
    /// need every response at hand; the server warms up with ``warmUp()``).
    public func renderAll() -> (resources: Int, bytes: Int) {
        rendered.renderAll()
    }

    /// Renders what the warm-up covers: every resource but the LMS exports and CASE records,
    /// which render on first use (``Documents/renderedOnFirstUse``); returns how many resources
    /// it rendered and the bytes of their bodies.
    ///
    /// The server calls this right after it starts listening, on a thread of its own: start-up
    /// to the first answer stays short even with hundreds of dossiers (loading and indexing
    /// only), and moments later the API's own resources are rendered, so requests for them do
    /// no JSON work. A request that comes first renders its resource itself, once, with the
    /// same bytes.
    public func warmUp() -> (resources: Int, bytes: Int) {
        rendered.warmUp()
    }
}

/// Answers paths no row matches: a problem under `/api`, the static files elsewhere.
private struct Fallback: HTTPResponder {
    let publicFiles: StaticFiles
    let rendered: RenderedResources

    func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path.hasPrefix(CASEPath.base + "/") || request.path == CASEPath.base {
            return ErrorDialect.response(
                CASEStatusInfo(
                    status: 404, codeMinor: .unknownObject, description: "Deze CASE-resource bestaat niet."))
        }
        guard request.path == "/api" || request.path.hasPrefix("/api/") else {
            return publicFiles.respond(to: request)
        }
        // A slash typed after a path is common by hand; say where the resource is rather
        // than answering with a redirect a client without -L would silently stop at.
        if request.path.hasSuffix("/"), rendered.contains(String(request.path.dropLast())) {
            return APIProblem.notFound(
                "Deze resource bestaat niet; bedoelt u \(request.path.dropLast()) (zonder / aan het eind)?"
            ).response(for: request)
        }
        return APIProblem.notFound("Deze resource bestaat niet.").response(for: request)
    }
}
