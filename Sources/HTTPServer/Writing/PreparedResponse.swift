/// A response whose status, fields and content are fixed, serialised once at start-up.
///
/// Serving it copies its head (status line, fields, `Content-Length`) into the connection's
/// write buffer and points the write at its content, which lives in immutable storage:
/// no per-request allocation, no re-serialisation, no copy of the body. Its 304 head is
/// prepared too, so conditional requests are as cheap. A large enough compressible one carries
/// its gzip representation (``gzipped``), prepared the same way.
public final class PreparedResponse: Sendable {
    /// The status.
    public let status: HTTPStatus
    /// The fields, including any `ETag` added at preparation.
    public let headers: HTTPFields
    /// The content.
    public let body: HTTPBody
    /// The entity tag, quoted (e.g. `"1f0c…"`), if the response has one.
    public let etag: String?

    /// Status line, fields and `Content-Length`, each ending in CRLF; the connection adds
    /// the configured fields and `Date` (``CommonFieldLines``), maybe `Connection`, and the
    /// empty line.
    let head: [UInt8]
    /// Whether `headers` has `Connection: close`: the connection closes after serving it.
    let requestsClose: Bool
    /// The same for the 304 answer to a matching `If-None-Match` (RFC 9110 §15.4.5).
    let notModifiedHead: [UInt8]
    /// The bytes of content a full answer sends (0 when the status forbids content): what
    /// ``WireImages`` compares with its threshold.
    let contentLength: Int

    /// The gzip representation (RFC 9110 §8.4.1.3), made once with this response, or `nil`
    /// when there is none (see ``init(status:headers:body:addsETag:compresses:)``). Its
    /// fields are this response's with `Content-Encoding: gzip` and its own entity tag
    /// (``EntityTag/coded(_:coding:)``); both carry `Vary: Accept-Encoding`. The server picks
    /// one of the two per request (``ResponsePipeline``).
    public let gzipped: PreparedResponse?

    /// Bodies below this many bytes get no gzip representation.
    ///
    /// Measured on the API's 196 resources and the browse page (zlib level 9): under 256 bytes
    /// gzip saves 22 % (40 bytes a response, less than the 24 of `Content-Encoding: gzip` and
    /// the 5 of the longer tag); 256 B–1 kB saves 50–56 % (205–391 bytes); from 1 kB up 62–83 %.
    /// But a body under 1 KiB with its head (350–450 bytes here) fits one 1,448-byte TCP segment
    /// either way, so gzip saves no packet and no round trip, only bytes inside one packet,
    /// while each representation costs memory (its body, head and 304 head: ~1 kB beside a small
    /// body) and a second entry in every shared cache. From 1 KiB up the identity answer needs a
    /// second segment and the gzip one does not, and beyond that every 1.4 kB saved is a packet.
    public static let gzipThreshold = 1024

    /// Prepares a response.
    ///
    /// - Parameters:
    ///   - status: The status.
    ///   - headers: The fields, in order. Framing fields (`Content-Length`, `Date`, ...) are
    ///     the server's and are ignored.
    ///   - body: The content.
    ///   - addsETag: When `true` and `headers` has no `ETag`, a strong one derived from the
    ///     content is added (``EntityTag/strong(for:)``), so every replica agrees on it.
    ///   - compresses: When `true`, a 2xx response with content of at least ``gzipThreshold``
    ///     bytes, a compressible `Content-Type` (``MediaType/isCompressible(_:)``) and no
    ///     `Content-Encoding` gets a gzip representation (``gzipped``), kept only if it saves at
    ///     least an eighth of the bytes (so an image that slipped through is not doubled). The
    ///     compression runs here, once, at zlib's best level: prepare responses off the event
    ///     loops.
    public convenience init(
        status: HTTPStatus = .ok, headers: HTTPFields = [:], body: [UInt8], addsETag: Bool = true,
        compresses: Bool = true
    ) {
        var headers = headers
        if addsETag, !headers.contains("ETag") {
            headers.append(name: "ETag", value: EntityTag.strong(for: body))
        }
        guard compresses, Self.isGzipCandidate(status: status, headers: headers, count: body.count),
            let compressed = Gzip.compress(body, level: Gzip.preparedLevel),
            compressed.count + Self.codingFieldLength <= body.count - body.count / 8
        else {
            self.init(status: status, headers: headers, body: body, gzipped: nil)
            return
        }
        ContentNegotiation.addVary(to: &headers)
        let gzipped = PreparedResponse(
            status: status, headers: ContentNegotiation.gzipFields(from: headers), body: compressed,
            gzipped: nil)
        self.init(status: status, headers: headers, body: body, gzipped: gzipped)
    }

    /// `Content-Encoding: gzip` and CRLF, which only the gzip representation carries.
    private static let codingFieldLength = "Content-Encoding: gzip\r\n".utf8.count

    private static func isGzipCandidate(status: HTTPStatus, headers: HTTPFields, count: Int) -> Bool {
        (200..<300).contains(status.code) && !status.forbidsContent && count >= gzipThreshold
            && !headers.contains("Content-Encoding") && MediaType.isCompressible(headers["Content-Type"])
    }

    private init(status: HTTPStatus, headers: HTTPFields, body: [UInt8], gzipped: PreparedResponse?) {
        self.status = status
        self.headers = headers
        self.body = HTTPBody(stored: ByteStorage(body))
        self.contentLength = status.forbidsContent ? 0 : body.count
        self.etag = headers["ETag"]
        self.requestsClose = headers.containsToken("close", inField: "Connection")
        self.gzipped = gzipped

        var head: [UInt8] = []
        ResponseSerializer.appendStatusLine(status, to: &head)
        ResponseSerializer.appendFields(headers, notModified: false, to: &head)
        if !status.forbidsContent {
            ResponseSerializer.appendContentLength(body.count, to: &head)
        }
        self.head = head

        var notModifiedHead: [UInt8] = []
        ResponseSerializer.appendStatusLine(.notModified, to: &notModifiedHead)
        ResponseSerializer.appendFields(headers, notModified: true, to: &notModifiedHead)
        self.notModifiedHead = notModifiedHead
    }

    /// Prepares a response whose content is the UTF-8 of `text`.
    public convenience init(
        status: HTTPStatus = .ok, headers: HTTPFields = [:], text: String, addsETag: Bool = true,
        compresses: Bool = true
    ) {
        self.init(
            status: status, headers: headers, body: Array(text.utf8), addsETag: addsETag,
            compresses: compresses)
    }
}
