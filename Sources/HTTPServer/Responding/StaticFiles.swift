import Glibc

/// Serves the files of one directory, read once at start-up into prepared responses.
///
/// The set of servable paths is an allow-list built by walking the directory: regular files
/// only, no symbolic links (a link could point anywhere), no dot-files. A request path is
/// only ever looked up in that list, so `..`, `%2e%2e`, encoded slashes, backslashes, NUL
/// bytes or links out of the directory have nothing to reach: they are 404, and the checks
/// in ``relativePath(forRequestPath:)`` only make that explicit. Files changed after start-up
/// are not seen until a restart; in exchange every file has a strong ETag from its bytes
/// and serving one allocates nothing.
///
/// Methods other than GET and HEAD are the router's business: the files are the routes of a
/// ``Router`` of their own, so OPTIONS (204 with `Allow`) and a wrong method (405 with
/// `Allow`) follow the same rules, and the same words, as any routed path.
public struct StaticFiles: HTTPResponder {
    /// Why the directory could not be loaded.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        /// The path that failed.
        public let path: String
        /// The `errno` of the failing call.
        public let code: Int32

        /// The path and the system's message.
        public var description: String {
            "cannot read '\(path)': \(String(cString: strerror(code)))"
        }
    }

    private let files: [String: PreparedResponse]
    /// The files as GET routes, for every other method.
    private let methods: Router

    /// The fields of every file response besides `Content-Type` and `ETag`: caches may store
    /// but must revalidate (cheap, thanks to the ETag).
    public static let cacheHeaders: HTTPFields = ["Cache-Control": "no-cache"]

    /// Loads every regular file under `directory` (recursively); `headers` are appended to
    /// every file response after ``cacheHeaders`` (e.g. a page's `Content-Security-Policy`).
    public init(directory: String, headers: HTTPFields = [:]) throws(LoadError) {
        var files: [String: PreparedResponse] = [:]
        try StaticFiles.load(directory: directory, prefix: "", depth: 0, headers: headers, into: &files)
        // A directory's index.html answers for the directory itself: `/` and `/docs/`.
        for (path, response) in files where path == "index.html" || path.hasSuffix("/index.html") {
            files[String(path.dropLast("index.html".count))] = response
        }
        var routes = RouterBuilder()
        for (path, response) in files {
            let segments =
                path.isEmpty
                ? [] : path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            routes.add(.get, literalSegments: segments) { _, _ in HTTPResponse(prepared: response) }
        }
        do {
            methods = try routes.build()
        } catch {
            // Literal routes cannot clash: every file path is a different key.
            preconditionFailure("static file routes: \(error)")
        }
        self.files = files
    }

    /// The request paths (relative, decoded) this responder serves, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// Serves GET and HEAD of a listed file; any other method on a listed file is the
    /// router's (OPTIONS → 204, else 405, both with `Allow`); anything else → a 404 problem.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        guard let relative = StaticFiles.relativePath(forRequestPath: request.path),
            let file = files[relative]
        else {
            return HTTPResponse(problem: .notFound)
        }
        if request.method == .get || request.method == .head { return HTTPResponse(prepared: file) }
        return methods.respond(to: request)
    }

    /// The allow-list key for a raw request path: segments percent-decoded one by one and
    /// joined with `/`; `nil` for anything that tries to leave its segment or the directory
    /// (`.` or `..`, a decoded `/`, `\` or NUL, empty segments, invalid UTF-8).
    static func relativePath(forRequestPath path: String) -> String? {
        guard path.hasPrefix("/") else { return nil }
        let segments = RoutePattern.split(Substring(path))
        var parts: [String] = []
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty {
                // Only a trailing slash (a directory's index) may leave a segment empty.
                guard index == segments.count - 1 else { return nil }
                parts.append("")
                continue
            }
            guard let bytes = PercentDecoding.decode(segment.utf8),
                !bytes.contains(where: { $0 == ASCII.slash || $0 == UInt8(ascii: "\\") || $0 == 0 }),
                let decoded = String(validating: bytes, as: UTF8.self),
                decoded != ".", decoded != ".."
            else { return nil }
            parts.append(decoded)
        }
        return parts.joined(separator: "/")
    }

    private static func load(
        directory: String, prefix: String, depth: Int, headers extraHeaders: HTTPFields,
        into files: inout [String: PreparedResponse]
    ) throws(LoadError) {
        guard depth < 32, let handle = opendir(directory) else {
            throw LoadError(path: directory, code: errno)
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            // Dot-files (.git, .env, .DS_Store, and . and ..) are never published.
            if !name.hasPrefix(".") { names.append(name) }
        }
        for name in names.sorted() {
            let path = directory + "/" + name
            var status = stat()
            // lstat, not stat: a symbolic link is skipped, whatever it points to.
            guard lstat(path, &status) == 0 else { throw LoadError(path: path, code: errno) }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                try load(
                    directory: path, prefix: prefix + name + "/", depth: depth + 1, headers: extraHeaders,
                    into: &files)
            case S_IFREG:
                let bytes = try readFile(path)
                var headers: HTTPFields = ["Content-Type": MediaType.forFileName(name)]
                for field in cacheHeaders { headers.append(field) }
                for field in extraHeaders { headers.append(field) }
                files[prefix + name] = PreparedResponse(status: .ok, headers: headers, body: bytes)
            default:
                continue
            }
        }
    }

    private static func readFile(_ path: String) throws(LoadError) -> [UInt8] {
        // O_NOFOLLOW: if the file was swapped for a link since lstat, refuse it.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw LoadError(path: path, code: errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LoadError(path: path, code: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
