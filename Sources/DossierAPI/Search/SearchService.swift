import Dossier
import HTTPServer

/// Answers search requests from the index built at start-up: ranks, filters, pages and
/// renders the hits with snippets and links.
struct SearchService: Sendable {
    let index: SearchIndex
    private let dossierTitles: [String: String]

    init(catalog: Catalog) {
        index = SearchIndex(
            documents: SearchDocuments.make(dossiers: catalog.dossiers, competenties: catalog.competenties))
        dossierTitles = Dictionary(
            catalog.dossiers.map { ($0.crebo, $0.titel) }, uniquingKeysWith: { first, _ in first })
    }

    func search(_ request: SearchRequest) -> JSONValue {
        let offset = (request.pageNumber - 1) * request.pageSize
        let result = index.search(
            terms: request.terms,
            filter: SearchIndex.Filter(soort: request.soort, dossier: request.dossier),
            offset: offset, limit: request.pageSize)
        let matchedTerms = MatchedTerms(result.hits.isEmpty ? [] : result.matchedTerms)
        let hasNextPage = offset + result.hits.count < result.total
        var links: JSONObject = ["self": .string(pagePath(request, pageNumber: request.pageNumber))]
        // `prev` leads back to results: past the end it points at the last page that has
        // hits (not at another empty page), and with no hits at all there is none.
        let lastPage = (result.total + request.pageSize - 1) / request.pageSize
        let previousPage = min(request.pageNumber - 1, lastPage)
        if previousPage >= 1 {
            links.append("prev", .string(pagePath(request, pageNumber: previousPage)))
        }
        if hasNextPage {
            links.append("next", .string(pagePath(request, pageNumber: request.pageNumber + 1)))
        }
        links.append("parent", .string(ResourceTable.getEntryPoint.path()))
        return .object([
            "q": .string(request.q),
            "soort": .string(request.soort?.rawValue),
            "dossier": .string(request.dossier),
            "pageSize": .int(request.pageSize),
            "pageNumber": .int(request.pageNumber),
            "hasNextPage": .bool(hasNextPage),
            "aantal": .int(result.total),
            "items": .array(result.hits.map { hit($0, matching: matchedTerms) }),
            "links": .object(links),
        ])
    }

    private func hit(_ hit: SearchIndex.Hit, matching terms: MatchedTerms) -> JSONValue {
        let document = index.documents[hit.document]
        // The snippet comes from the field with the most matched words; on a tie, the first
        // (titles come first), so a title match shows the title.
        var best = document.fields.first
        var bestCount = -1
        for field in document.fields {
            let count = terms.distinctCount(in: field.text)
            if count > bestCount {
                best = field
                bestCount = count
            }
        }
        var dossier: JSONValue = .null
        if let crebo = document.dossier {
            dossier = .object([
                "crebo": .string(crebo),
                "titel": .string(dossierTitles[crebo]),
                "links": .object(["self": .string(ResourceTable.getDossier.path(crebo))]),
            ])
        }
        // A hit on one profiel's addition names that profiel and links to the composed item of
        // its kwalificatie (`self`) and to the basis item it adds to.
        var profiel: JSONValue = .null
        var links: JSONObject = ["self": .string(document.path)]
        if let aanvulling = document.aanvulling {
            profiel = .object([
                "code": .string(aanvulling.profiel),
                "titel": .string(aanvulling.titel),
                "crebo": .string(aanvulling.crebo),
                "links": .object(["self": .string(aanvulling.kwalificatie)]),
            ])
            links.append("basis", .string(aanvulling.basis))
        }
        return .object([
            "soort": .string(document.soort.rawValue),
            "code": .string(document.code),
            "titel": .string(document.titel),
            "dossier": dossier,
            "profiel": profiel,
            "veld": .string(best?.name),
            "snippet": .string(best.map { Snippet.make($0.text, matching: terms) }),
            "score": .double(hit.score),
            "links": .object(links),
        ])
    }

    private func pagePath(_ request: SearchRequest, pageNumber: Int) -> String {
        var query = "q=" + PercentEncoding.encode(request.q)
        if let soort = request.soort { query += "&soort=" + soort.rawValue }
        if let dossier = request.dossier { query += "&dossier=" + dossier }
        query += "&pageSize=\(request.pageSize)&pageNumber=\(pageNumber)"
        return ResourceTable.search.path() + "?" + query
    }
}
