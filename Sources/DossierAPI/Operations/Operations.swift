import Dossier
import HTTPServer

/// The API's operations, one method per `operationId` of `openapi.yaml`.
///
/// Every GET resource but search is pre-rendered (``RenderedResources``); an operation only
/// checks its path parameters, finds the rendered response at the canonical path, and says
/// precisely what is missing when there is none. Search is computed per request from the
/// index built at start-up.
struct Operations: Sendable {
    let catalog: Catalog
    let rendered: RenderedResources
    let search: SearchService
    let openAPI: PreparedResponse
    let health: PreparedResponse
    let publicFiles: StaticFiles

    // MARK: Start

    func getBrowsePage(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        publicFiles.respond(to: request)
    }

    func getOpenAPI(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        HTTPResponse(prepared: openAPI)
    }

    func getHealth(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        HTTPResponse(prepared: health)
    }

    func getEntryPoint(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        resource(ResourcePath.root, request)
    }

    // MARK: Dossiers

    func listDossiers(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        resource(ResourcePath.dossiers, request)
    }

    func getDossier(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters) { ResourcePath.dossier($0) }
    }

    func listDossierKwalificaties(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters) { ResourcePath.kwalificaties($0) }
    }

    func getDossierKwalificatie(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters, child: ("profiel", .profiel, "kwalificatie")) {
            ResourcePath.kwalificatie($0, profiel: $1)
        }
    }

    func listKwalificaties(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        resource(ResourcePath.kwalificaties, request)
    }

    func getKwalificatie(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        let crebo = parameters["crebo"] ?? ""
        guard PathParameter.crebo.matches(crebo) else { return invalid(crebo, .crebo, request) }
        return resource(ResourcePath.kwalificatie(crebo: crebo), request) {
            "Er is geen kwalificatie met crebo \(crebo)."
        }
    }

    func listKerntaken(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters) { ResourcePath.kerntaken($0) }
    }

    func getKerntaak(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters, child: ("code", .kerntaak, "kerntaak")) {
            ResourcePath.kerntaak($0, $1)
        }
    }

    func listWerkprocessen(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters) { ResourcePath.werkprocessen($0) }
    }

    func getWerkproces(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters, child: ("code", .werkproces, "werkproces")) {
            ResourcePath.werkproces($0, $1)
        }
    }

    func getKeuzedelen(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters) { ResourcePath.keuzedelen($0) }
    }

    func listVakkennis(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters) { ResourcePath.vakkennis($0) }
    }

    func getVakkennis(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters, child: ("id", .vakkennis, "vakkennis-item")) {
            ResourcePath.vakkennisItem($0, $1)
        }
    }

    // MARK: Competenties

    func getCompetentieMatrix(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        inDossier(request, parameters) { ResourcePath.competentieMatrix($0) }
    }

    func listCompetenties(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        resource(ResourcePath.competenties, request)
    }

    func getCompetentie(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        let code = parameters["code"] ?? ""
        guard PathParameter.competentie.matches(code) else { return invalid(code, .competentie, request) }
        return resource(ResourcePath.competentie(code), request) { "Er is geen competentie \(code)." }
    }

    // MARK: Search

    func search(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        // Only search's own parameters are decoded: anything else in the query is ignored,
        // however it is written, as on every other resource.
        guard let items = QueryItems.parse(request.query, names: SearchRequest.parameterNames) else {
            return APIProblem(kind: .invalidQuery, detail: "De query bevat een ongeldige %-codering.")
                .response(for: request)
        }
        switch SearchRequest.parse(items) {
        case .failure(let problem):
            return problem.response(for: request)
        case .success(let searchRequest):
            let body = JSONWriter.bytes(search.search(searchRequest))
            var headers = RenderedResources.jsonHeaders
            headers.append(name: "ETag", value: EntityTag.strong(for: body))
            return HTTPResponse(status: .ok, headers: headers, body: body)
        }
    }

    // MARK: Helpers

    /// The rendered resource at `path`, or a 404 with `detail`.
    private func resource(
        _ path: String, _ request: HTTPRequest,
        notFound detail: () -> String = { "Deze resource bestaat niet." }
    ) -> HTTPResponse {
        guard let prepared = rendered[path] else {
            return APIProblem(kind: .notFound, detail: detail()).response(for: request)
        }
        return HTTPResponse(prepared: prepared)
    }

    /// A resource under `/api/v1/dossiers/{crebo}`, with an optional second parameter (its
    /// name, shape and what the thing is called in a 404's detail).
    private func inDossier(
        _ request: HTTPRequest, _ parameters: RouteParameters,
        child: (name: String, shape: PathParameter, noun: String)? = nil,
        path: (String, String) -> String
    ) -> HTTPResponse {
        let crebo = parameters["crebo"] ?? ""
        guard PathParameter.crebo.matches(crebo) else { return invalid(crebo, .crebo, request) }
        var value = ""
        if let child {
            value = parameters[child.name] ?? ""
            guard child.shape.matches(value) else { return invalid(value, child.shape, request) }
        }
        return resource(path(crebo, value), request) {
            guard catalog.dossier(crebo: crebo) != nil, let child else {
                return "Er is geen dossier met crebo \(crebo)."
            }
            return "Dossier \(crebo) heeft geen \(child.noun) \(value)."
        }
    }

    private func inDossier(
        _ request: HTTPRequest, _ parameters: RouteParameters, path: (String) -> String
    ) -> HTTPResponse {
        inDossier(request, parameters, child: nil) { crebo, _ in path(crebo) }
    }

    private func invalid(_ value: String, _ shape: PathParameter, _ request: HTTPRequest) -> HTTPResponse {
        APIProblem(kind: .invalidParameter, detail: "'\(value)' is ongeldig: \(shape.shape).").response(
            for: request)
    }
}
