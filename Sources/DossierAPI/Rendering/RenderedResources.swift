import Dossier
import HTTPServer
import Synchronization

/// The path-only lookup: every instance of every rendered row of ``ResourceTable`` as a
/// prepared response (bytes, strong ETag, fixed fields), keyed by its canonical path.
///
/// Every path is known from start-up; a resource is rendered once, the first time it is asked
/// for, and served from its prepared bytes ever after, so a request for one of these is a
/// dictionary probe and a write. (Rendering everything before opening the socket took seconds
/// with 500 dossiers; rendering on first use keeps start-up to loading and indexing, and
/// memory to what is asked for.) The ETag comes from the bytes alone, so every replica and
/// every restart serving the same data gives the same tag.
struct RenderedResources: Sendable {
    /// The fields of every successful API response of `mediaType`, before its ETag (CORS and
    /// `nosniff` are on every response of the server: ``DossierApplication/responseHeaders``).
    static func headers(mediaType: String) -> HTTPFields {
        ["Content-Type": mediaType, "Cache-Control": "public, max-age=300"]
    }

    private let entries: [String: Entry]

    /// Finds every instance of every rendered row in `catalog`; renders none of them yet.
    init(catalog: Catalog) {
        self.init(context: DocumentContext(catalog: catalog))
    }

    /// Finds every instance of every rendered row in the context's catalog.
    init(context: DocumentContext) {
        var instances: [(path: String, mediaType: String, document: Document, route: Int)] = []
        for (route, row) in ResourceTable.all.enumerated() {
            guard case .rendered(let build) = row.answer else { continue }
            for document in build(context) {
                instances.append((row.path(document.values), row.mediaType, document, route))
            }
        }
        self.init(instances)
    }

    /// The lookup of exactly these instances (the tests give their own).
    init(_ instances: [(path: String, mediaType: String, document: Document, route: Int)]) {
        var entries: [String: Entry] = [:]
        for instance in instances {
            precondition(entries[instance.path] == nil, "two resources rendered at \(instance.path)")
            entries[instance.path] = Entry(
                mediaType: instance.mediaType, document: instance.document, route: instance.route)
        }
        self.entries = entries
    }

    /// The prepared response at a canonical path (`/api/v1/dossiers/23292`), if there is one;
    /// rendered now if this is the first time it is asked for.
    subscript(path: String) -> PreparedResponse? {
        entries[path]?.response
    }

    /// Whether there is a resource at a canonical path (without rendering it).
    /// The rendered response at `path`, labelled with its row's index in ``ResourceTable/all``
    /// (its route for the metrics): one lookup, like the subscript.
    func response(at path: String) -> HTTPResponse? {
        guard let entry = entries[path] else { return nil }
        return HTTPResponse(prepared: entry.response, route: entry.route)
    }

    func contains(_ path: String) -> Bool {
        entries[path] != nil
    }

    /// Every rendered path, sorted (for tests and the benchmark harness).
    var paths: [String] { entries.keys.sorted() }

    /// Renders every resource not rendered yet; returns how many resources there are and the
    /// bytes of their bodies.
    func renderAll() -> (resources: Int, bytes: Int) {
        var bytes = 0
        for entry in entries.values {
            bytes += entry.response.body.count
        }
        // Every gzip representation after every resource is there (identity first: a request
        // that finds no rendering renders on its event loop, one that finds no gzip gets identity).
        for entry in entries.values { entry.response.prepareGzip() }
        return (entries.count, bytes)
    }

    /// One resource: how to build its document, and the response once rendered.
    ///
    /// Two event loops asking for a resource for the first time at once may both render it;
    /// the first to store its response wins and both serve that one (the bytes are the same).
    private final class Entry: Sendable {
        private let mediaType: String
        private let document: Document
        private let rendered = AtomicLazyReference<PreparedResponse>()
        /// The row's index in ``ResourceTable/all``.
        let route: Int

        init(mediaType: String, document: Document, route: Int) {
            self.mediaType = mediaType
            self.document = document
            self.route = route
        }

        var response: PreparedResponse {
            if let response = rendered.load() { return response }
            var headers = RenderedResources.headers(mediaType: mediaType)
            for field in document.headers { headers.append(field) }
            return rendered.storeIfNil(
                PreparedResponse(
                    status: .ok, headers: headers, body: document.render(), compression: .deferred))
        }
    }
}
