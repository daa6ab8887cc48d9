import Synchronization

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

    /// When the gzip representation of a response is made.
    public enum Compression: Sendable {
        /// In the initialiser: for responses prepared before the server listens, such as
        /// static files.
        case immediate
        /// When ``prepareGzip()`` is called, e.g. by a warm-up thread after the server started
        /// listening; until then the response goes out as identity (with `Vary`). For responses
        /// that may be prepared on an event loop, where compressing would stall the loop.
        case deferred
        /// Never: no gzip representation, no `Vary`.
        case never
    }

    /// The gzip representation (RFC 9110 §8.4.1.3), made once, or `nil` when there is none
    /// (yet: see ``Compression``). Its fields are this response's with `Content-Encoding: gzip`
    /// and its own entity tag (``EntityTag/coded(_:coding:)``); both carry
    /// `Vary: Accept-Encoding`. The server picks one of the two per request
    /// (``ResponsePipeline``). Reading it is one atomic load.
    public var gzipped: PreparedResponse? {
        guard isNegotiable else { return nil }
        let bits = gzipSlot.load(ordering: .acquiring)
        guard bits > Self.madeWithout, let pointer = UnsafeRawPointer(bitPattern: bits) else { return nil }
        return Unmanaged<PreparedResponse>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Whether this response has, or will have, a gzip representation: a 2xx with content of at
    /// least ``gzipThreshold`` bytes, a compressible `Content-Type`
    /// (``MediaType/isCompressible(_:)``) and no `Content-Encoding`. Its fields carry `Vary:
    /// Accept-Encoding` then.
    public let isNegotiable: Bool

    /// The gzip representation, set once: 0 while not made, ``madeWithout`` when gzip did not
    /// save enough (or zlib failed), else the address of the representation, retained by this
    /// slot and released in `deinit`. A plain atomic word rather than `AtomicLazyReference`,
    /// whose `load()` is not inlined and looks its generic metadata up on every call (in the
    /// profile of the dossier benchmark, 1.3 % of the server's time for each such load).
    private let gzipSlot = Atomic<UInt>(0)
    private static let madeWithout: UInt = 1

    deinit {
        let bits = gzipSlot.load(ordering: .acquiring)
        if bits > Self.madeWithout, let pointer = UnsafeRawPointer(bitPattern: bits) {
            Unmanaged<PreparedResponse>.fromOpaque(pointer).release()
        }
    }

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
    ///   - compression: When a negotiable response (``isNegotiable``) gets its gzip
    ///     representation (``gzipped``). It is kept only if it saves at least an eighth of the
    ///     bytes (content that does not compress is not doubled); compressing takes milliseconds
    ///     for tens of kilobytes (zlib level 6), so it never runs on an event loop's queue
    ///     unless a responder prepares a response there with `.immediate`.
    public convenience init(
        status: HTTPStatus = .ok, headers: HTTPFields = [:], body: [UInt8], addsETag: Bool = true,
        compression: Compression = .immediate
    ) {
        var headers = headers
        if addsETag, !headers.contains("ETag") {
            headers.append(name: "ETag", value: EntityTag.strong(for: body))
        }
        let negotiable =
            compression != .never && (200..<300).contains(status.code) && !status.forbidsContent
            && body.count >= Self.gzipThreshold && !headers.contains("Content-Encoding")
            && MediaType.isCompressible(headers["Content-Type"])
        if negotiable { ContentNegotiation.addVary(to: &headers) }
        self.init(status: status, headers: headers, body: body, negotiable: negotiable)
        if compression == .immediate { prepareGzip() }
    }

    /// Makes the gzip representation if this response is negotiable and it is not made yet,
    /// and returns it. Safe from any thread: two callers at once may both compress, the first
    /// to store wins and both return that one (the bytes are the same).
    @discardableResult
    public func prepareGzip() -> PreparedResponse? {
        guard isNegotiable else { return nil }
        if gzipSlot.load(ordering: .acquiring) != 0 { return gzipped }
        var bits = Self.madeWithout
        if let compressed = body.withUnsafeBytes({ Gzip.compress($0, level: Gzip.preparedLevel) }),
            compressed.count + Self.codingFieldLength <= body.count - body.count / 8
        {
            let representation = PreparedResponse(
                status: status, headers: ContentNegotiation.gzipFields(from: headers), body: compressed,
                negotiable: false)
            bits = UInt(bitPattern: Unmanaged.passRetained(representation).toOpaque())
        }
        let (stored, _) = gzipSlot.compareExchange(
            expected: 0, desired: bits, successOrdering: .acquiringAndReleasing, failureOrdering: .acquiring)
        if !stored, bits > Self.madeWithout, let pointer = UnsafeRawPointer(bitPattern: bits) {
            // Another thread stored first: keep its representation, drop this one.
            Unmanaged<PreparedResponse>.fromOpaque(pointer).release()
        }
        return gzipped
    }

    /// `Content-Encoding: gzip` and CRLF, which only the gzip representation carries.
    private static let codingFieldLength = "Content-Encoding: gzip\r\n".utf8.count

    private init(status: HTTPStatus, headers: HTTPFields, body: [UInt8], negotiable: Bool) {
        self.status = status
        self.headers = headers
        self.body = HTTPBody(stored: ByteStorage(body))
        self.contentLength = status.forbidsContent ? 0 : body.count
        self.etag = headers["ETag"]
        self.requestsClose = headers.containsToken("close", inField: "Connection")
        self.isNegotiable = negotiable

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
        compression: Compression = .immediate
    ) {
        self.init(
            status: status, headers: headers, body: Array(text.utf8), addsETag: addsETag,
            compression: compression)
    }
}
