import HTTPServer

/// What answers the rows of ``ResourceTable``: the one handler of every rendered row, and one
/// method per operation that is made per request (named after its `operationId`).
///
/// A rendered row's handler checks the path parameters against their kinds, finds the
/// rendered response at the canonical path the row builds from the decoded values, and says
/// precisely what is missing when there is none. Search is computed per request from the index
/// built at start-up.
struct Operations: Sendable {
    let rendered: RenderedResources
    let search: SearchService
    let openAPI: PreparedResponse
    let health: PreparedResponse
    let publicFiles: StaticFiles
    /// The CASE records, made when first asked for (``DocumentContext/caseRecords``).
    let caseRecords: OnceValue<CASEProvider>
    let caseOpenAPI: PreparedResponse
    let metrics: ServerMetrics

    /// The router's handler for `resource`.
    func handler(for resource: Resource) -> RouterBuilder.Handler {
        switch resource.answer {
        case .rendered:
            return { request, parameters in self.rendered(resource, request, parameters) }
        case .operation(let operation):
            return operation(self)
        }
    }

    // MARK: Operations made per request

    func getBrowsePage(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        publicFiles.respond(to: request)
    }

    func getOpenAPI(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        HTTPResponse(prepared: openAPI)
    }

    func getHealth(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        HTTPResponse(prepared: health)
    }

    /// Made per scrape and never cached: counters summed over the event loops.
    func getMetrics(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        HTTPResponse(
            status: .ok,
            headers: ["Content-Type": ResourceTable.getMetrics.mediaType, "Cache-Control": "no-store"],
            body: Array(metrics.exposition().utf8))
    }

    func search(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        let dialect = ResourceTable.search.dialect
        // Only search's own parameters are decoded: anything else in the query is ignored,
        // however it is written, as on every other resource.
        guard let items = QueryItems.parse(request.query, names: SearchRequest.parameterNames) else {
            return dialect.response(.invalidQuery("De query bevat een ongeldige %-codering."), for: request)
        }
        switch SearchRequest.parse(items) {
        case .failure(let problem):
            return dialect.response(problem, for: request)
        case .success(let searchRequest):
            let body = JSONWriter.bytes(search.search(searchRequest))
            var headers = RenderedResources.headers(mediaType: ResourceTable.search.mediaType)
            headers.append(name: "ETag", value: EntityTag.strong(for: body))
            return HTTPResponse(status: .ok, headers: headers, body: body)
        }
    }

    func getCASEOpenAPI(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        HTTPResponse(prepared: caseOpenAPI)
    }

    /// CASE getAllCFDocuments: paged and sorted per request (``CASEDocumentQuery``), with the
    /// total before paging in `X-Total-Count` and RFC 8288 paging links in `Link`.
    func getAllCFDocuments(_ request: HTTPRequest, _ parameters: RouteParameters) -> HTTPResponse {
        let names: Set<String> = ["limit", "offset", "sort", "orderBy", "filter"]
        guard let items = QueryItems.parse(request.query, names: names) else {
            return ErrorDialect.response(
                CASEStatusInfo(
                    status: 400, codeMinor: .invalidSelectionField,
                    description: "De query bevat een ongeldige %-codering."))
        }
        let query: CASEDocumentQuery
        switch CASEDocumentQuery.parse(items.map { (name: $0.name, value: $0.value) }) {
        case .failure(let status): return ErrorDialect.response(status)
        case .success(let parsed): query = parsed
        }
        let caseProvider = caseRecords.value
        switch caseProvider.documents(query) {
        case .failure(let status):
            return ErrorDialect.response(status)
        case .success(let (page, total)):
            let body = JSONWriter.bytes(page)
            var headers = RenderedResources.headers(mediaType: ResourceTable.getAllCFDocuments.mediaType)
            headers.append(name: "X-Total-Count", value: String(total))
            if let links = caseProvider.pagingLinks(query, total: total) {
                headers.append(name: "Link", value: links)
            }
            headers.append(name: "ETag", value: EntityTag.strong(for: body))
            return HTTPResponse(status: .ok, headers: headers, body: body)
        }
    }

    // MARK: Rendered rows

    /// The rendered instance of `resource` that the request's decoded parameters name.
    ///
    /// The router only gets here when the path-only lookup missed the request's path as
    /// written: for a path that names a resource in another form (`%61pi`, `B1%2DK2`) or for one
    /// that names none. The canonical path comes from the same row that built the rendered one,
    /// so the two cannot disagree.
    private func rendered(
        _ resource: Resource, _ request: HTTPRequest, _ parameters: RouteParameters
    ) -> HTTPResponse {
        var values: [String] = []
        values.reserveCapacity(resource.parameters.count)
        for (name, kind) in zip(resource.parameterNames, resource.parameters) {
            let value = parameters[name] ?? ""
            guard kind.matches(value) else {
                return resource.dialect.response(.invalidParameter(value, kind), for: request)
            }
            values.append(kind.canonical(value))
        }
        if let prepared = rendered[resource.path(values)] {
            return HTTPResponse(prepared: prepared)
        }
        return resource.dialect.response(.notFound(notFoundDetail(resource, values)), for: request)
    }

    /// Names the first thing that does not exist: "Er is geen dossier met crebo 99999." when
    /// the dossier is unknown, else "Dossier 23292 heeft geen kerntaak B1-K9.".
    func notFoundDetail(_ resource: Resource, _ values: [String]) -> String {
        guard !values.isEmpty else { return "Deze resource bestaat niet." }
        // What the first `count` values name, and its Dutch noun.
        func owner(_ count: Int) -> (noun: String, exists: Bool) {
            guard count < values.count, let row = ResourceTable.owner(of: resource, parameters: count) else {
                return (resource.noun ?? "resource", false)
            }
            return (row.noun ?? "resource", rendered.contains(row.path(Array(values.prefix(count)))))
        }
        var missing = values.count
        for count in 1..<values.count where !owner(count).exists {
            missing = count
            break
        }
        let noun = owner(missing).noun
        let value = values[missing - 1]
        guard missing > 1 else {
            return "Er is geen \(noun) \(resource.parameters[0].isCrebo ? "met crebo " : "")\(value)."
        }
        // The chain of owners, nearest first: "Kwalificatie P1 van dossier 23292".
        var owners: [String] = []
        for count in stride(from: missing - 1, through: 1, by: -1) {
            owners.append("\(owner(count).noun) \(values[count - 1])")
        }
        let chain = owners.joined(separator: " van ")
        return chain.prefix(1).uppercased() + chain.dropFirst() + " heeft geen \(noun) \(value)."
    }
}
