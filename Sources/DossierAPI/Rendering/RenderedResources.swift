import Dossier
import HTTPServer
import Synchronization

/// Every pre-rendered GET resource of the API as a prepared response (bytes, strong ETag,
/// fixed fields), keyed by its canonical path.
///
/// Every path is known from start-up; a resource is rendered once, the first time it is asked
/// for, and served from its prepared bytes ever after, so a request for one of these is a
/// dictionary probe and a write. (Rendering everything before opening the socket took seconds
/// with 500 dossiers; rendering on first use keeps start-up to loading and indexing, and
/// memory to what is asked for.) The ETag comes from the bytes alone, so every replica and
/// every restart serving the same data gives the same tag.
struct RenderedResources: Sendable {
    /// The fields of every successful API response.
    static let jsonHeaders: HTTPFields = [
        "Content-Type": "application/json",
        "Cache-Control": "public, max-age=300",
    ]

    private let responses: [String: Resource]

    init(catalog: Catalog) {
        responses = ResourceDocuments(catalog: catalog).documents.mapValues(Resource.init)
    }

    /// The prepared response at a canonical path (`/api/v1/dossiers/23292`), if there is one;
    /// rendered now if this is the first time it is asked for.
    subscript(path: String) -> PreparedResponse? {
        responses[path]?.response
    }

    /// Every rendered path, sorted (for tests and the benchmark harness).
    var paths: [String] { responses.keys.sorted() }

    /// Renders every resource not rendered yet; returns how many resources there are and the
    /// bytes of their bodies.
    func renderAll() -> (resources: Int, bytes: Int) {
        var bytes = 0
        for resource in responses.values {
            bytes += resource.response.body.count
        }
        return (responses.count, bytes)
    }

    /// One resource: how to build its document, and the response once rendered.
    ///
    /// Two event loops asking for a resource for the first time at once may both render it;
    /// the first to store its response wins and both serve that one (the bytes are the same).
    private final class Resource: Sendable {
        private let document: ResourceDocuments.Document
        private let rendered = AtomicLazyReference<PreparedResponse>()

        init(_ document: ResourceDocuments.Document) {
            self.document = document
        }

        var response: PreparedResponse {
            if let response = rendered.load() { return response }
            var headers = RenderedResources.jsonHeaders
            if let canonical = document.canonicalPath {
                headers.append(name: "Content-Location", value: canonical)
            }
            return rendered.storeIfNil(
                PreparedResponse(status: .ok, headers: headers, body: JSONWriter.bytes(document.build())))
        }
    }
}
