import Dispatch
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
///
/// The warm-up (``warmUp()``) renders the API's own resources ahead of the first request and
/// leaves the LMS rows (``Documents/renderedOnFirstUse``) to first use: derived, rarely
/// fetched, and with 500 dossiers nine in ten of all resources and most of the bytes.
struct RenderedResources: Sendable {
    /// The fields of every successful API response of `mediaType`, before its ETag (CORS and
    /// `nosniff` are on every response of the server: ``DossierApplication/responseHeaders``).
    static func headers(mediaType: String) -> HTTPFields {
        ["Content-Type": mediaType, "Cache-Control": "public, max-age=300"]
    }

    /// Every resource the warm-up renders, found at start-up.
    private let entries: [String: Entry]
    /// The CASE records' resources (``Documents/foundWithCASERecords``), found when first
    /// needed: by the warm-up before its renders, or by the first request for one. With 500
    /// dossiers they are nine in ten of all resources, and finding them needs every CASE
    /// record, which start-up would otherwise make before the socket opens. (The Moodle and
    /// Canvas exports, one per kwalificatie, are found at start-up and rendered on first use.)
    private let firstUse: OnceValue<[String: Entry]>
    /// The literal start and end of the templates of those rows: a path that fits none is not
    /// one of theirs, so a path `entries` misses is looked for there only when it fits one
    /// (`/ims/case/v1p1/CFItems/`, ``).
    private let firstUseShapes: [(prefix: String, suffix: String)]

    /// Finds every instance of every rendered row in `catalog`; renders none of them yet.
    init(catalog: Catalog) {
        self.init(context: DocumentContext(catalog: catalog))
    }

    /// Finds every instance of the rendered rows in the context's catalog but the CASE
    /// records', and knows how to find those when first needed.
    init(context: DocumentContext) {
        var instances: [Instance] = []
        var caseRows: [(route: Int, row: Resource, build: @Sendable (DocumentContext) -> [Document])] = []
        for (route, row) in ResourceTable.all.enumerated() {
            guard case .rendered(let build) = row.answer else { continue }
            if Documents.foundWithCASERecords.contains(row.operationID) {
                caseRows.append((route, row, build))
                continue
            }
            let warmsUp = !Documents.renderedOnFirstUse.contains(row.operationID)
            for document in build(context) {
                instances.append(
                    Instance(
                        path: row.path(document.values), mediaType: row.mediaType, document: document,
                        route: route, warmsUp: warmsUp))
            }
        }
        let entries = Self.table(instances)
        self.entries = entries
        firstUse = OnceValue { [caseRows] in
            var instances: [Instance] = []
            for (route, row, build) in caseRows {
                for document in build(context) {
                    let path = row.path(document.values)
                    precondition(entries[path] == nil, "two resources rendered at \(path)")
                    instances.append(
                        Instance(
                            path: path, mediaType: row.mediaType, document: document, route: route,
                            warmsUp: false))
                }
            }
            return Self.table(instances)
        }
        firstUseShapes = caseRows.map { Self.shape(of: $0.row.template) }
    }

    /// One resource to be: where it lives, what it is, and whether the warm-up renders it.
    struct Instance {
        let path: String
        let mediaType: String
        let document: Document
        /// The row's index in ``ResourceTable/all``.
        let route: Int
        /// Whether ``warmUp()`` renders it; otherwise the first request for it does.
        var warmsUp = true
    }

    /// The lookup of exactly these instances (the tests give their own).
    init(_ instances: [Instance]) {
        entries = Self.table(instances)
        firstUse = OnceValue { [:] }
        firstUseShapes = []
    }

    /// The lookup of exactly these instances, every one warmed up.
    init(_ instances: [(path: String, mediaType: String, document: Document, route: Int)]) {
        self.init(
            instances.map {
                Instance(path: $0.path, mediaType: $0.mediaType, document: $0.document, route: $0.route)
            })
    }

    private static func table(_ instances: [Instance]) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(instances.count)
        for instance in instances {
            precondition(entries[instance.path] == nil, "two resources rendered at \(instance.path)")
            entries[instance.path] = Entry(instance)
        }
        return entries
    }

    /// The literal text before the first and after the last parameter of `template`
    /// (`/ims/case/v1p1/CFItems/{sourcedId}` → `/ims/case/v1p1/CFItems/` and ``).
    private static func shape(of template: String) -> (prefix: String, suffix: String) {
        let prefix = template.firstIndex(of: "{").map { String(template[..<$0]) } ?? template
        let suffix = template.lastIndex(of: "}").map { String(template[template.index(after: $0)...]) } ?? ""
        return (prefix, suffix)
    }

    /// The resource at `path`: one probe of the warm-up's table, and only for a path that fits
    /// an LMS row one of theirs.
    private func entry(_ path: String) -> Entry? {
        if let entry = entries[path] { return entry }
        guard firstUseShapes.contains(where: { path.hasPrefix($0.prefix) && path.hasSuffix($0.suffix) })
        else { return nil }
        return firstUse.value[path]
    }

    /// The prepared response at a canonical path (`/api/v1/dossiers/23292`), if there is one;
    /// rendered now if this is the first time it is asked for.
    subscript(path: String) -> PreparedResponse? {
        entry(path)?.response
    }

    /// The rendered response at `path`, labelled with its row's index in ``ResourceTable/all``
    /// (its route for the metrics): one lookup, like the subscript.
    func response(at path: String) -> HTTPResponse? {
        guard let entry = entry(path) else { return nil }
        return HTTPResponse(prepared: entry.response, route: entry.route)
    }

    /// Whether there is a resource at a canonical path (without rendering it).
    func contains(_ path: String) -> Bool {
        entry(path) != nil
    }

    /// Whether the resource at `path` has been rendered (for tests; renders nothing).
    func isRendered(_ path: String) -> Bool {
        entry(path)?.isRendered ?? false
    }

    /// Whether the warm-up renders the resource at `path` (for tests).
    func warmsUp(_ path: String) -> Bool {
        entry(path)?.warmsUp ?? false
    }

    /// Every rendered path, sorted (for tests and the benchmark harness).
    var paths: [String] { (Array(entries.keys) + Array(firstUse.value.keys)).sorted() }

    /// Renders every resource not rendered yet, and its gzip representation; returns how many
    /// resources there are and the bytes of their bodies.
    func renderAll() -> (resources: Int, bytes: Int) {
        render(Array(entries.values) + Array(firstUse.value.values))
    }

    /// Finds the CASE records' resources, then renders the resources the warm-up covers (all
    /// but the LMS rows) that are not rendered yet, and their gzip representations; returns how
    /// many resources it rendered and the bytes of their bodies.
    ///
    /// The CASE records come first: until they are found, a request for one waits for them on
    /// its event loop (seconds with 500 dossiers), while a request for any other resource that
    /// comes before its warm-up only renders that one resource.
    func warmUp() -> (resources: Int, bytes: Int) {
        _ = firstUse.value
        return render(entries.values.filter(\.warmsUp))
    }

    private func render(_ entries: some Collection<Entry>) -> (resources: Int, bytes: Int) {
        var bytes = 0
        for entry in entries {
            bytes += entry.response(compressingLater: false).body.count
        }
        // Every gzip representation after every resource is there (identity first: a request
        // that finds no rendering renders on its event loop, one that finds no gzip gets identity).
        for entry in entries { entry.response.prepareGzip() }
        return (entries.count, bytes)
    }

    /// Where the gzip representation of a resource that a request rendered is made: beside the
    /// event loops, one at a time (a serial queue, so it runs on a thread of its own rather
    /// than a loop's). The request that rendered it gets identity, as every request does until
    /// the representation is stored.
    static let compression = DispatchQueue(label: "dossier-api.deferred-gzip", qos: .utility)

    /// One resource: how to build its document, and the response once rendered.
    ///
    /// Two event loops asking for a resource for the first time at once may both render it;
    /// the first to store its response wins and both serve that one (the bytes are the same).
    private final class Entry: Sendable {
        private let mediaType: String
        private let document: Document
        /// The row's index in ``ResourceTable/all``.
        let route: Int
        /// Whether the warm-up renders it.
        let warmsUp: Bool
        /// The response once rendered: 0 until then, else its address, retained by this word
        /// and released in `deinit`. A plain atomic word rather than `AtomicLazyReference`,
        /// whose `load()` is not inlined and looks its generic metadata up on every call (2.3 %
        /// of the server's time on the hot path in the profile); the pattern of
        /// ``PreparedResponse/gzipped``.
        private let rendered = Atomic<UInt>(0)

        init(_ instance: Instance) {
            mediaType = instance.mediaType
            document = instance.document
            route = instance.route
            warmsUp = instance.warmsUp
        }

        deinit {
            if let pointer = UnsafeRawPointer(bitPattern: rendered.load(ordering: .acquiring)) {
                Unmanaged<PreparedResponse>.fromOpaque(pointer).release()
            }
        }

        /// Whether the response is there.
        var isRendered: Bool { rendered.load(ordering: .acquiring) != 0 }

        /// The response, rendered now if no one has yet: what a request gets. A resource the
        /// warm-up leaves out gets its gzip representation made on ``compression`` after this.
        var response: PreparedResponse {
            // One acquiring load: pairs with the releasing exchange that published it.
            if let pointer = UnsafeRawPointer(bitPattern: rendered.load(ordering: .acquiring)) {
                return Unmanaged<PreparedResponse>.fromOpaque(pointer).takeUnretainedValue()
            }
            return response(compressingLater: !warmsUp)
        }

        /// The response, rendered now if no one has yet; when this call stores it and
        /// `compressingLater`, its gzip representation is queued on ``compression``.
        @inline(never)
        func response(compressingLater: Bool) -> PreparedResponse {
            let loaded = rendered.load(ordering: .acquiring)
            if let pointer = UnsafeRawPointer(bitPattern: loaded) {
                return Unmanaged<PreparedResponse>.fromOpaque(pointer).takeUnretainedValue()
            }
            var headers = RenderedResources.headers(mediaType: mediaType)
            for field in document.headers { headers.append(field) }
            let response = PreparedResponse(
                status: .ok, headers: headers, body: document.render(), compression: .deferred)
            let bits = UInt(bitPattern: Unmanaged.passRetained(response).toOpaque())
            let (stored, current) = rendered.compareExchange(
                expected: 0, desired: bits, successOrdering: .acquiringAndReleasing,
                failureOrdering: .acquiring)
            if !stored, let winner = UnsafeRawPointer(bitPattern: current) {
                // Another thread stored first: serve its response, drop this one's retain.
                Unmanaged<PreparedResponse>.passUnretained(response).release()
                return Unmanaged<PreparedResponse>.fromOpaque(winner).takeUnretainedValue()
            }
            if compressingLater, response.isNegotiable {
                RenderedResources.compression.async { response.prepareGzip() }
            }
            return response
        }
    }
}
