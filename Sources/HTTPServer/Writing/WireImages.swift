/// Large prepared responses as they go on the wire — status line, fields, `Date`, empty line
/// and body — each as one stretch of the ``BodyFile``, so that answering a keep-alive request
/// for one is a single `sendfile`.
///
/// Without an image a response takes two system calls: `sendmsg` for the head (with
/// `MSG_MORE`), then `sendfile` for the body. The head cannot simply sit in the file beside the
/// body, because its `Date` changes every second; so an image is made the first time a
/// response is served in a second, and all images are dropped when the second changes. A
/// dropped image's stretch of the file is never written again: a connection still sending it
/// (or a socket buffer still holding its pages) keeps it, and its pages are freed when the
/// last reference goes (``ByteStorage`` punches the hole). Rewriting the `Date` in place
/// instead would change bytes the kernel may not have sent yet.
///
/// Each event loop has its own images, touched only on its queue: no lock on the hot path,
/// at the price of one image per loop per second for a response both loops serve.
///
/// Making an image copies the body once, so it only pays for a response asked for more than
/// once in the same second: the first time in a second a response goes the two-call way and
/// is only noted; the second time its image is made. A crawler touching each resource once
/// never pays for an image.
///
/// Only the common case is served from an image: a GET answered in full on a connection that
/// stays open without a `Connection` field (HTTP/1.1), with no fields appended to the prepared
/// ones. HEAD, 304, `Connection: close`, HTTP/1.0 keep-alive and appended fields take the
/// two-call path.
struct WireImages {
    private var images: [ObjectIdentifier: (response: PreparedResponse, image: ByteStorage?)] = [:]
    private var dateLine: [UInt8] = []

    /// The image of `response` with this `Date` line, made if needed; `nil` the first time the
    /// response is asked for in this second, when it has no body in the file, or when the file
    /// could not take the image.
    mutating func image(of response: PreparedResponse, dateLine: [UInt8]) -> ByteStorage? {
        guard response.isSentFromFile else { return nil }
        if dateLine != self.dateLine {
            images.removeAll(keepingCapacity: true)
            self.dateLine = dateLine
        }
        let key = ObjectIdentifier(response)
        guard let entry = images[key] else {
            // First sight this second. The entry keeps the response alive, so its identifier
            // cannot be reused meanwhile.
            images[key] = (response, nil)
            return nil
        }
        if let image = entry.image { return image }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(response.head.count + dateLine.count + 2 + response.body.count)
        bytes.append(contentsOf: response.head)
        bytes.append(contentsOf: dateLine)
        bytes.append(contentsOf: ResponseSerializer.crlf)
        response.body.withUnsafeBytes { bytes.append(contentsOf: $0) }
        let image = ByteStorage(sendable: bytes)
        guard image.fileOffset != nil else { return nil }
        images[key] = (response, image)
        return image
    }

    /// Drops the images if the second has changed (the loop's timer calls this, so images of
    /// responses no longer asked for do not stay).
    mutating func dropStale(dateLine: [UInt8]) {
        if dateLine != self.dateLine {
            images.removeAll()
            self.dateLine = dateLine
        }
    }

    /// How many images are held (for tests).
    var count: Int { images.values.filter { $0.image != nil }.count }
}
