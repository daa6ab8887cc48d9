/// `Content-Type` values for static files, by file name extension (RFC 9110 §8.3).
///
/// Text types carry `charset=utf-8` so a browser never guesses (the files are UTF-8).
/// Unknown extensions are `application/octet-stream`: downloaded, never rendered.
public enum MediaType {
    /// The media type for a file name.
    public static func forFileName(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let fileExtension = String(name[name.index(after: dot)...]).lowercased()
        return byExtension[fileExtension] ?? fallback
    }

    /// Whether content of this `Content-Type` is worth gzipping: text, JSON, XML, YAML,
    /// JavaScript and SVG (and their `+json`/`+xml` kinds, such as `application/problem+json`).
    /// Images other than SVG, fonts, archives, PDF and unknown types are already compressed or
    /// opaque: gzip would cost time for next to nothing. `nil` (no field) is not compressible.
    public static func isCompressible(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let essence = contentType.utf8.prefix { $0 != ASCII.semicolon && !ASCII.isWhitespace($0) }
        guard let slash = essence.firstIndex(of: ASCII.slash) else { return false }
        let type = essence[..<slash]
        let subtype = essence[essence.index(after: slash)...]
        if ASCII.equalsIgnoringCase(type, "text".utf8) { return true }
        if subtype.count > 5, ASCII.equalsIgnoringCase(subtype.suffix(5), "+json".utf8) { return true }
        if subtype.count > 4, ASCII.equalsIgnoringCase(subtype.suffix(4), "+xml".utf8) { return true }
        guard ASCII.equalsIgnoringCase(type, "application".utf8) else { return false }
        for compressible in compressibleApplicationSubtypes
        where ASCII.equalsIgnoringCase(subtype, compressible.utf8) {
            return true
        }
        return false
    }

    private static let compressibleApplicationSubtypes = [
        "json", "xml", "yaml", "x-yaml", "javascript", "x-javascript", "ecmascript", "wasm",
    ]

    /// The type for unknown extensions.
    public static let fallback = "application/octet-stream"

    private static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "map": "application/json",
        "webmanifest": "application/manifest+json",
        "yaml": "application/yaml",
        "yml": "application/yaml",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "xml": "application/xml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/vnd.microsoft.icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "pdf": "application/pdf",
        "wasm": "application/wasm",
    ]
}
