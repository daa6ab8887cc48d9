import HTTPServer

/// The one table of the API's resources: every URL the server answers, with its operationId,
/// parameters, document builder, media type, query use and error dialect.
///
/// Everything else is derived from these rows: the router (``APIService``), the canonical paths
/// and `links` inside every document (``Resource/path(_:)``, ``Resource/links(_:parent:extra:)``),
/// the pre-rendered responses (``RenderedResources``) and the contract test, which compares the
/// rows with `openapi.yaml` both ways. Adding a resource is a row here, its builder in
/// `Documents`, and its entry in `openapi.yaml`.
///
/// The order matters once: a resource's children are linked in the order their rows appear.
enum ResourceTable {
    // MARK: Start

    static let getBrowsePage = Resource(
        "/", "getBrowsePage", mediaType: "text/html", answer: .operation(Operations.getBrowsePage))
    static let getOpenAPI = Resource(
        "/openapi.yaml", "getOpenAPI", mediaType: "application/yaml",
        answer: .operation(Operations.getOpenAPI))
    static let getHealth = Resource("/healthz", "getHealth", answer: .operation(Operations.getHealth))
    static let getMetrics = Resource(
        "/metrics", "getMetrics", mediaType: ServerMetrics.contentType,
        answer: .operation(Operations.getMetrics))
    static let getEntryPoint = Resource("/api/v1", "getEntryPoint", answer: .rendered(Documents.entryPoint))

    // MARK: Dossiers and kwalificaties

    static let listDossiers = Resource(
        "/api/v1/dossiers", "listDossiers", answer: .rendered(Documents.dossierList))
    static let getDossier = Resource(
        "/api/v1/dossiers/{crebo}", "getDossier", parameters: [.crebo], noun: "dossier",
        answer: .rendered(Documents.dossier))
    static let listDossierKwalificaties = Resource(
        "/api/v1/dossiers/{crebo}/kwalificaties", "listDossierKwalificaties", parameters: [.crebo],
        noun: "dossier", answer: .rendered(Documents.dossierKwalificaties))
    static let getDossierKwalificatie = Resource(
        "/api/v1/dossiers/{crebo}/kwalificaties/{profiel}", "getDossierKwalificatie",
        parameters: [.crebo, .profiel], noun: "kwalificatie", answer: .rendered(Documents.kwalificatie))
    static let getMoodleExport = Resource(
        "/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/moodle.csv", "getMoodleExport",
        parameters: [.crebo, .profiel], noun: "kwalificatie", mediaType: Resource.csv, relation: "moodle",
        answer: .rendered(Documents.moodleExport))
    static let getCanvasExport = Resource(
        "/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/canvas.csv", "getCanvasExport",
        parameters: [.crebo, .profiel], noun: "kwalificatie", mediaType: Resource.csv, relation: "canvas",
        answer: .rendered(Documents.canvasExport))
    static let listDossierKwalificatieKerntaken = Resource(
        "/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/kerntaken", "listDossierKwalificatieKerntaken",
        parameters: [.crebo, .profiel], noun: "kwalificatie",
        answer: .rendered(Documents.samengesteldeKerntaakList))
    static let getDossierKwalificatieKerntaak = Resource(
        "/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/kerntaken/{code}", "getDossierKwalificatieKerntaak",
        parameters: [.crebo, .profiel, .kerntaak], noun: "kerntaak",
        answer: .rendered(Documents.samengesteldeKerntaak))
    static let listDossierKwalificatieWerkprocessen = Resource(
        "/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/werkprocessen",
        "listDossierKwalificatieWerkprocessen",
        parameters: [.crebo, .profiel], noun: "kwalificatie",
        answer: .rendered(Documents.samengesteldWerkprocesList))
    static let getDossierKwalificatieWerkproces = Resource(
        "/api/v1/dossiers/{crebo}/kwalificaties/{profiel}/werkprocessen/{code}",
        "getDossierKwalificatieWerkproces", parameters: [.crebo, .profiel, .werkproces], noun: "werkproces",
        answer: .rendered(Documents.samengesteldWerkproces))
    static let listKwalificaties = Resource(
        "/api/v1/kwalificaties", "listKwalificaties", answer: .rendered(Documents.kwalificatieList))
    static let getKwalificatie = Resource(
        "/api/v1/kwalificaties/{crebo}", "getKwalificatie", parameters: [.crebo], noun: "kwalificatie",
        answer: .rendered(Documents.kwalificatieByCrebo))
    // The composed kerntaken and werkprocessen of a kwalificatie at its own crebo: the same
    // documents as under the dossier, naming that address in `Content-Location`.
    static let listKwalificatieKerntaken = Resource(
        "/api/v1/kwalificaties/{crebo}/kerntaken", "listKwalificatieKerntaken", parameters: [.crebo],
        noun: "kwalificatie", answer: .rendered(Documents.alias(of: listDossierKwalificatieKerntaken)))
    static let getKwalificatieKerntaak = Resource(
        "/api/v1/kwalificaties/{crebo}/kerntaken/{code}", "getKwalificatieKerntaak",
        parameters: [.crebo, .kerntaak], noun: "kerntaak",
        answer: .rendered(Documents.alias(of: getDossierKwalificatieKerntaak)))
    static let listKwalificatieWerkprocessen = Resource(
        "/api/v1/kwalificaties/{crebo}/werkprocessen", "listKwalificatieWerkprocessen", parameters: [.crebo],
        noun: "kwalificatie", answer: .rendered(Documents.alias(of: listDossierKwalificatieWerkprocessen)))
    static let getKwalificatieWerkproces = Resource(
        "/api/v1/kwalificaties/{crebo}/werkprocessen/{code}", "getKwalificatieWerkproces",
        parameters: [.crebo, .werkproces], noun: "werkproces",
        answer: .rendered(Documents.alias(of: getDossierKwalificatieWerkproces)))

    // MARK: Kerntaken, werkprocessen, keuzedelen, vakkennis

    static let listKerntaken = Resource(
        "/api/v1/dossiers/{crebo}/kerntaken", "listKerntaken", parameters: [.crebo], noun: "dossier",
        answer: .rendered(Documents.kerntaakList))
    static let getKerntaak = Resource(
        "/api/v1/dossiers/{crebo}/kerntaken/{code}", "getKerntaak", parameters: [.crebo, .kerntaak],
        noun: "kerntaak", answer: .rendered(Documents.kerntaak))
    static let listWerkprocessen = Resource(
        "/api/v1/dossiers/{crebo}/werkprocessen", "listWerkprocessen", parameters: [.crebo], noun: "dossier",
        answer: .rendered(Documents.werkprocesList))
    static let getWerkproces = Resource(
        "/api/v1/dossiers/{crebo}/werkprocessen/{code}", "getWerkproces", parameters: [.crebo, .werkproces],
        noun: "werkproces", answer: .rendered(Documents.werkproces))
    static let getKeuzedelen = Resource(
        "/api/v1/dossiers/{crebo}/keuzedelen", "getKeuzedelen", parameters: [.crebo], noun: "dossier",
        answer: .rendered(Documents.keuzedelen))
    static let getCompetentieMatrix = Resource(
        "/api/v1/dossiers/{crebo}/competenties", "getCompetentieMatrix", parameters: [.crebo],
        noun: "dossier", answer: .rendered(Documents.competentieMatrix))
    static let listVakkennis = Resource(
        "/api/v1/dossiers/{crebo}/vakkennis", "listVakkennis", parameters: [.crebo], noun: "dossier",
        answer: .rendered(Documents.vakkennisList))
    static let getVakkennis = Resource(
        "/api/v1/dossiers/{crebo}/vakkennis/{id}", "getVakkennis", parameters: [.crebo, .vakkennis],
        noun: "vakkennis-item", answer: .rendered(Documents.vakkennisItem))
    static let getGeneriekeOnderdelen = Resource(
        "/api/v1/dossiers/{crebo}/generieke-onderdelen", "getGeneriekeOnderdelen", parameters: [.crebo],
        noun: "dossier", answer: .rendered(Documents.generiekeOnderdelen))

    // MARK: Competenties and search

    static let listCompetenties = Resource(
        "/api/v1/competenties", "listCompetenties", answer: .rendered(Documents.competentieList))
    static let getCompetentie = Resource(
        "/api/v1/competenties/{code}", "getCompetentie", parameters: [.competentie], noun: "competentie",
        answer: .rendered(Documents.competentie))
    static let search = Resource(
        "/api/v1/zoeken", "search", query: .changesAnswer(required: ["q"]),
        answer: .operation(Operations.search))

    // MARK: CASE 1.1 (the 1EdTech REST binding; operationIds as the official OpenAPI names them)

    static let getCASEOpenAPI = Resource(
        CASEPath.openAPI, "getCASEOpenAPI", dialect: .caseStatusInfo,
        answer: .operation(Operations.getCASEOpenAPI))
    static let getAllCFDocuments = Resource(
        CASEPath.documents, "getAllCFDocuments", query: .changesAnswer(required: []),
        dialect: .caseStatusInfo,
        answer: .operation(Operations.getAllCFDocuments))
    /// Every kwalificatie's composed kerntaken and werkprocessen, canonical and alias.
    static let samengesteldRows: [Resource] = [
        listDossierKwalificatieKerntaken, getDossierKwalificatieKerntaak,
        listDossierKwalificatieWerkprocessen,
        getDossierKwalificatieWerkproces, listKwalificatieKerntaken, getKwalificatieKerntaak,
        listKwalificatieWerkprocessen, getKwalificatieWerkproces,
    ]
    static let caseRows: [Resource] = CASEOperation.allCases.filter { $0 != .getAllCFDocuments }.map {
        operation in
        Resource(
            operation.template, operation.rawValue, parameters: [.sourcedId], noun: operation.noun,
            dialect: .caseStatusInfo, answer: .rendered(Documents.caseRecords(operation)))
    }

    /// Every row, in the order children are linked.
    static let all: [Resource] =
        [
            getBrowsePage, getOpenAPI, getHealth, getMetrics, getEntryPoint,
            listDossiers, getDossier, listDossierKwalificaties, getDossierKwalificatie,
            listDossierKwalificatieKerntaken, getDossierKwalificatieKerntaak,
            listDossierKwalificatieWerkprocessen, getDossierKwalificatieWerkproces, getMoodleExport,
            getCanvasExport,
            listKwalificaties, getKwalificatie, listKwalificatieKerntaken, getKwalificatieKerntaak,
            listKwalificatieWerkprocessen, getKwalificatieWerkproces,
            listKerntaken, getKerntaak, listWerkprocessen, getWerkproces, getKeuzedelen,
            getCompetentieMatrix, listVakkennis, getVakkennis, getGeneriekeOnderdelen,
            listCompetenties, getCompetentie, search, getCASEOpenAPI, getAllCFDocuments,
        ] + caseRows

    // MARK: Derived

    /// The rows one literal segment below `resource`, with the same parameters: the children
    /// its `links` name (`/api/v1/dossiers/{crebo}` → `…/kerntaken`, `…/vakkennis`, …).
    static func children(of resource: Resource) -> [Resource] {
        childrenByTemplate[resource.template] ?? []
    }

    private static let childrenByTemplate: [String: [Resource]] = {
        var children: [String: [Resource]] = [:]
        for parent in all {
            for row in all
            where row.segments.count == parent.segments.count + 1
                && Array(row.segments.dropLast()) == parent.segments
            {
                if case .literal = row.segments.last { children[parent.template, default: []].append(row) }
            }
        }
        return children
    }()

    /// The row naming what the first `count` parameters of `resource` identify (for
    /// `/api/v1/dossiers/{crebo}/kerntaken/{code}` and 1: `/api/v1/dossiers/{crebo}`): where a
    /// 404 looks first, to say it is the dossier that does not exist rather than its kerntaak.
    static func owner(of resource: Resource, parameters count: Int) -> Resource? {
        var seen = 0
        var prefix: [RoutePattern.Segment] = []
        for segment in resource.segments {
            prefix.append(segment)
            if case .parameter = segment {
                seen += 1
                if seen == count { break }
            }
        }
        return all.first { $0.segments == prefix && $0.isRendered }
    }

    /// What is wrong with the table, one sentence per mistake; empty when it is sound. The
    /// service refuses to start on a non-empty list, and a test requires it to be empty.
    static var problems: [String] {
        var problems: [String] = []
        var operationIDs: Set<String> = []
        for row in all {
            if row.segments.isEmpty && row.template != "/" {
                problems.append("\(row.operationID): the template '\(row.template)' is invalid")
            }
            if row.parameterNames.count != row.parameters.count {
                problems.append(
                    "\(row.operationID): \(row.parameterNames.count) parameters in the template, "
                        + "\(row.parameters.count) kinds in the row")
            }
            if !row.parameters.isEmpty && row.noun == nil {
                problems.append("\(row.operationID): a row with parameters needs the noun of its 404")
            }
            if row.isRendered && row.query != .ignored {
                problems.append("\(row.operationID): a rendered resource cannot depend on the query")
            }
            if !operationIDs.insert(row.operationID).inserted {
                problems.append("\(row.operationID): the operationId is used twice")
            }
            if row.isRendered {
                for count in stride(from: 1, to: row.parameters.count, by: 1)
                where owner(of: row, parameters: count) == nil {
                    problems.append(
                        "\(row.operationID): no rendered row names its first \(count) parameter(s)")
                }
            }
        }
        return problems
    }
}
