/// Large prepared responses as they go on the wire — status line, fields, the configured
/// fields and `Date` (``CommonFieldLines``), empty line and body — each as one stretch of the
/// server's ``BodyFile``, so that answering a keep-alive request for one is a single
/// `sendfile`.
///
/// Without an image a response takes one `sendmsg` that copies head and body into the
/// socket. The head cannot simply sit in the file beside the body, because its `Date` changes
/// every second; so an image is made when a response is served for the second time in a
/// second, and all images are dropped when the second changes. A dropped image's stretch of
/// the file is never written again: a connection still sending it (or a socket buffer still
/// holding its pages) keeps it, and its pages are freed when the last reference goes
/// (``FileStretch``). Rewriting the `Date` in place instead would change bytes the kernel may
/// not have sent yet.
///
/// Each event loop has its own images, touched only on its queue: no lock on the hot path,
/// at the price of one image per loop per second for a response both loops serve.
///
/// Making an image copies the body once, so it only pays for a response asked for more than
/// once in the same second: the first time in a second a response goes the `sendmsg` way
/// and is only noted; the second time its image is made. A crawler touching each resource
/// once never pays for an image. A loop makes at most
/// ``ServerTuning/wireImageBytesPerSecond`` of images in a second.
///
/// Only the common case is served from an image: a GET answered in full on a connection that
/// stays open without a `Connection` field (HTTP/1.1), with no fields appended to the prepared
/// ones. HEAD, 304, `Connection: close`, HTTP/1.0 keep-alive and appended fields take the
/// `sendmsg` path.
struct WireImages {
    private var images: [ObjectIdentifier: (response: PreparedResponse, image: FileStretch?)] = [:]
    private var fieldLines: [UInt8] = []
    private var bytesThisSecond = 0
    /// Where images go; `nil` when the system has no memfd (then there are none).
    private let file: BodyFile?
    private let threshold: Int
    private let budget: Int

    /// Images in `file` for bodies of at least ``ServerTuning/wireImageThreshold`` bytes.
    init(file: BodyFile?, tuning: ServerTuning = ServerTuning()) {
        self.file = file
        threshold = tuning.wireImageThreshold
        budget = tuning.wireImageBytesPerSecond
    }

    /// The image of `response` with these closing field lines, made if needed; `nil` the
    /// first time the response is asked for in this second, when its body is below the
    /// threshold, when this second's budget is spent, or when the file could not take the
    /// image.
    mutating func image(of response: PreparedResponse, fieldLines: [UInt8]) -> FileStretch? {
        guard response.contentLength >= threshold, let file else { return nil }
        // Equal arrays share their storage here (both are the loop's current run), so this
        // is a pointer comparison until the second changes.
        if fieldLines != self.fieldLines { startSecond(fieldLines: fieldLines, keepingCapacity: true) }
        let key = ObjectIdentifier(response)
        guard let entry = images[key] else {
            // First sight this second. The entry keeps the response alive, so its identifier
            // cannot be reused meanwhile.
            images[key] = (response, nil)
            return nil
        }
        if let image = entry.image { return image }
        let size = response.head.count + fieldLines.count + 2 + response.body.count
        guard bytesThisSecond + size <= budget else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        bytes.append(contentsOf: response.head)
        bytes.append(contentsOf: fieldLines)
        bytes.append(contentsOf: ResponseSerializer.crlf)
        response.body.withUnsafeBytes { bytes.append(contentsOf: $0) }
        guard let image = bytes.withUnsafeBytes({ file.store($0) }) else { return nil }
        bytesThisSecond += size
        images[key] = (response, image)
        return image
    }

    /// Drops the images if the second has changed (the loop's timer calls this, so images of
    /// responses no longer asked for do not stay).
    mutating func dropStale(fieldLines: [UInt8]) {
        if fieldLines != self.fieldLines { startSecond(fieldLines: fieldLines, keepingCapacity: false) }
    }

    private mutating func startSecond(fieldLines: [UInt8], keepingCapacity: Bool) {
        images.removeAll(keepingCapacity: keepingCapacity)
        self.fieldLines = fieldLines
        bytesThisSecond = 0
    }

    /// How many images are held (for tests).
    var count: Int { images.values.filter { $0.image != nil }.count }
}

@available(*, unavailable, message: "an event loop's images are touched only on its queue")
extension WireImages: Sendable {}
