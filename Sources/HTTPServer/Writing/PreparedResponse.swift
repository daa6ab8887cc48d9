/// A response whose status, fields and content are fixed, serialised once at start-up.
///
/// Serving it copies its head (status line, fields, `Content-Length`) into the connection's
/// write buffer and points the write at its content, which lives in immutable storage:
/// no per-request allocation, no re-serialisation, no copy of the body. Its 304 head is
/// prepared too, so conditional requests are as cheap.
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

    /// Prepares a response.
    ///
    /// - Parameters:
    ///   - status: The status.
    ///   - headers: The fields, in order. Framing fields (`Content-Length`, `Date`, ...) are
    ///     the server's and are ignored.
    ///   - body: The content.
    ///   - addsETag: When `true` and `headers` has no `ETag`, a strong one derived from the
    ///     content is added (``EntityTag/strong(for:)``), so every replica agrees on it.
    public init(status: HTTPStatus = .ok, headers: HTTPFields = [:], body: [UInt8], addsETag: Bool = true) {
        var headers = headers
        if addsETag, !headers.contains("ETag") {
            headers.append(name: "ETag", value: EntityTag.strong(for: body))
        }
        self.status = status
        self.headers = headers
        self.body = HTTPBody(stored: ByteStorage(body))
        self.contentLength = status.forbidsContent ? 0 : body.count
        self.etag = headers["ETag"]
        self.requestsClose = headers.containsToken("close", inField: "Connection")

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
        status: HTTPStatus = .ok, headers: HTTPFields = [:], text: String, addsETag: Bool = true
    ) {
        self.init(status: status, headers: headers, body: Array(text.utf8), addsETag: addsETag)
    }
}
