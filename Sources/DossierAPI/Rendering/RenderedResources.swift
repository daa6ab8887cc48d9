import Dossier
import HTTPServer

/// Every pre-rendered GET resource of the API as a prepared response (bytes, strong ETag,
/// fixed fields), keyed by its canonical path.
///
/// Rendering happens once, at start-up; a request for one of these is a dictionary probe and a
/// write. The ETag comes from the bytes alone, so every replica and every restart serving the
/// same data gives the same tag.
struct RenderedResources: Sendable {
    /// The fields of every successful API response.
    static let jsonHeaders: HTTPFields = [
        "Content-Type": "application/json",
        "Cache-Control": "public, max-age=300",
        "X-Content-Type-Options": "nosniff",
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Expose-Headers": "ETag",
    ]

    private let responses: [String: PreparedResponse]

    init(catalog: Catalog) {
        let documents = ResourceDocuments(catalog: catalog).documents
        var responses: [String: PreparedResponse] = [:]
        responses.reserveCapacity(documents.count)
        for (path, document) in documents {
            responses[path] = PreparedResponse(
                status: .ok, headers: RenderedResources.jsonHeaders, body: JSONWriter.bytes(document))
        }
        self.responses = responses
    }

    /// The prepared response at a canonical path (`/api/v1/dossiers/23292`), if there is one.
    subscript(path: String) -> PreparedResponse? {
        responses[path]
    }

    /// Every rendered path, sorted (for tests and the benchmark harness).
    var paths: [String] { responses.keys.sorted() }
}
